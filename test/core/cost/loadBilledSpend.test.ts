import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  BilledSpend,
  BilledSpendQuery,
  BilledSpendSource,
} from '../../../source/core/cost/BilledSpendSource.js';
import { loadBilledSpend } from '../../../source/core/cost/loadBilledSpend.js';

class CountingSource implements BilledSpendSource {
  calls = 0;
  failure?: Error;
  amount = 12.5;

  async fetchBilledSpend(query: BilledSpendQuery): Promise<BilledSpend> {
    this.calls += 1;
    if (this.failure) throw this.failure;
    return {
      amount: this.amount,
      currency: 'USD',
      days: [{ date: query.start, amount: this.amount, estimated: true }],
    };
  }
}

const query: BilledSpendQuery = {
  start: '2026-11-01',
  end: '2026-11-21',
  tag_key: 'cws:managed',
  tag_value: 'true',
};

describe('loadBilledSpend', () => {
  let dir: string;
  let source: CountingSource;
  let cacheFile: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cws-billed-'));
    cacheFile = join(dir, 'cache', 'billed-spend.json');
    source = new CountingSource();
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('calls Cost Explorer at most once per 6 hours for the same query', async () => {
    const first = await loadBilledSpend({ source, query, cacheFile, now: new Date('2026-11-20T08:00:00Z') });
    expect(first).toMatchObject({
      basis: 'billed',
      from_cache: false,
      fetched_at: '2026-11-20T08:00:00.000Z',
    });
    expect(first.spend?.amount).toBe(12.5);
    source.amount = 20;
    const cached = await loadBilledSpend({ source, query, cacheFile, now: new Date('2026-11-20T13:59:00Z') });
    expect(cached).toMatchObject({ from_cache: true, fetched_at: '2026-11-20T08:00:00.000Z' });
    expect(cached.spend?.amount).toBe(12.5);
    expect(source.calls).toBe(1);
    const refreshed = await loadBilledSpend({
      source,
      query,
      cacheFile,
      now: new Date('2026-11-20T14:01:00Z'),
    });
    expect(refreshed.spend?.amount).toBe(20);
    expect(source.calls).toBe(2);
  });

  it('refreshes when forced or when the query changes', async () => {
    const now = new Date('2026-11-20T08:00:00Z');
    await loadBilledSpend({ source, query, cacheFile, now });
    await loadBilledSpend({ source, query, cacheFile, now, force: true });
    await loadBilledSpend({ source, query: { ...query, end: '2026-11-22' }, cacheFile, now });
    expect(source.calls).toBe(3);
  });

  it('keeps the last figures, with the error, when Cost Explorer fails', async () => {
    await loadBilledSpend({ source, query, cacheFile, now: new Date('2026-11-20T08:00:00Z') });
    source.failure = new Error('Not permitted: ce:GetCostAndUsage in us-east-1.');
    const stale = await loadBilledSpend({ source, query, cacheFile, now: new Date('2026-11-21T08:00:00Z') });
    expect(stale).toMatchObject({
      from_cache: true,
      fetched_at: '2026-11-20T08:00:00.000Z',
      error: 'Not permitted: ce:GetCostAndUsage in us-east-1.',
    });
    await rm(cacheFile);
    const none = await loadBilledSpend({ source, query, cacheFile });
    expect(none).toEqual({
      basis: 'billed',
      from_cache: false,
      error: 'Not permitted: ce:GetCostAndUsage in us-east-1.',
    });
  });
});
