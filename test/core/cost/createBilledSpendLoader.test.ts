import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BilledSpendQuery, BilledSpendSource } from '../../../source/core/cost/BilledSpendSource.js';
import {
  BILLED_SPEND_RETRY_MINUTES,
  billedSpendCacheFile,
  createBilledSpendLoader,
} from '../../../source/core/cost/createBilledSpendLoader.js';

class RecordingSource implements BilledSpendSource {
  queries: BilledSpendQuery[] = [];
  async fetchBilledSpend(query: BilledSpendQuery) {
    this.queries.push(query);
    return { amount: 3.25, currency: 'USD', days: [{ date: query.start, amount: 3.25, estimated: true }] };
  }
}

describe('createBilledSpendLoader', () => {
  it('asks for this month so far, or the window, and caches per profile', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'cws-billed-'));
    const source = new RecordingSource();
    let made = 0;
    const load = createBilledSpendLoader({
      source: async () => {
        made += 1;
        return source;
      },
      cacheDir,
      cacheKey: 'aws-lab/../x',
    });
    const now = new Date('2026-11-26T03:00:00Z');
    expect(await load(now)).toMatchObject({ from_cache: false, spend: { amount: 3.25 } });
    expect(await load(now)).toMatchObject({ from_cache: true });
    await load(now, { from: new Date('2026-11-10T00:00:00Z'), to: new Date('2026-11-12T00:00:00Z') });
    expect(source.queries.map((query) => [query.start, query.end])).toEqual([
      ['2026-11-01', '2026-11-27'],
      ['2026-11-10', '2026-11-12'],
    ]);
    expect(made).toBe(1);
    expect(billedSpendCacheFile(cacheDir, 'aws-lab/../x')).toBe(
      join(cacheDir, 'billed', 'aws-lab_.._x.json'),
    );
  });

  it('returns a failure as the error, and asks again only after a pause', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'cws-billed-'));
    let attempts = 0;
    let fetches = 0;
    const load = createBilledSpendLoader({
      source: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('no credentials');
        return {
          async fetchBilledSpend() {
            fetches += 1;
            if (fetches === 1) throw new Error('Cost Explorer is not enabled for this account');
            return { amount: 1, currency: 'USD', days: [] };
          },
        };
      },
      cacheDir,
      cacheKey: 'aws-lab',
    });
    const at = (minutes: number) => new Date(Date.parse('2026-11-26T03:00:00Z') + minutes * 60_000);
    expect(await load(at(0))).toEqual({ basis: 'billed', from_cache: false, error: 'no credentials' });
    expect(await load(at(5))).toEqual({ basis: 'billed', from_cache: false, error: 'no credentials' });
    expect(attempts).toBe(1);
    expect(await load(at(BILLED_SPEND_RETRY_MINUTES))).toMatchObject({
      error: 'Cost Explorer is not enabled for this account',
    });
    await load(at(BILLED_SPEND_RETRY_MINUTES + 1));
    expect(fetches).toBe(1);
    expect(await load(at(2 * BILLED_SPEND_RETRY_MINUTES))).toMatchObject({
      from_cache: false,
      spend: { amount: 1 },
    });
    expect([attempts, fetches]).toEqual([2, 2]);
  });
});
