import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CloudError } from '../../../source/core/CloudError.js';
import { loadApiPriceCatalog, priceCacheFile } from '../../../source/core/cost/loadApiPriceCatalog.js';
import type { OnDemandPriceSource, RegionPriceList } from '../../../source/core/cost/OnDemandPriceSource.js';
import { PRICE_SNAPSHOT_DATE } from '../../../source/core/cost/priceTable.js';

class RecordingSource implements OnDemandPriceSource {
  calls: string[] = [];
  failure?: Error;

  async fetchRegionPrices(region: string): Promise<RegionPriceList> {
    this.calls.push(region);
    if (this.failure) throw this.failure;
    return {
      region,
      usd_per_hour: { 'm7i.large': 0.099 },
      ebs_per_gb_month: { gp3: 0.079 },
      published_at: '2026-11-01T00:00:00Z',
    };
  }
}

const denied = new CloudError({
  kind: 'unauthorized',
  code: 'AccessDeniedException',
  message: 'Not permitted: pricing:GetProducts in us-east-1.',
  hint: 'Ask your AWS administrator to allow pricing:GetProducts for your role.',
});

describe('loadApiPriceCatalog', () => {
  let cacheDir: string;
  let source: RecordingSource;
  beforeEach(async () => {
    cacheDir = await mkdtemp(join(tmpdir(), 'cws-prices-'));
    source = new RecordingSource();
  });
  afterEach(async () => {
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('layers API prices over the snapshot and caches them on disk', async () => {
    const now = new Date('2026-11-20T10:00:00Z');
    const { catalog, notes, fetched } = await loadApiPriceCatalog({
      source,
      regions: ['us-east-1'],
      cacheDir,
      now,
    });
    expect(notes).toEqual([]);
    expect(fetched).toEqual(['us-east-1']);
    expect(catalog.instanceHourly('m7i.large', 'us-east-1')).toEqual({
      usd_per_hour: 0.099,
      source: 'api',
      as_of: '2026-11-01T00:00:00Z',
    });
    // a type the API did not list, SageMaker and storage come from the snapshot
    expect(catalog.instanceHourly('t3.micro', 'us-east-1')?.source).toBe('snapshot');
    expect(catalog.instanceHourly('ml.t3.medium', 'us-east-1')?.source).toBe('snapshot');
    expect(catalog.storageMonthly('gp3', 'us-east-1')).toEqual({
      usd_per_gb_month: 0.079,
      source: 'api',
      as_of: now.toISOString(),
    });
    expect(catalog.storageMonthly('gp2', 'us-east-1')).toMatchObject({
      usd_per_gb_month: 0.1,
      source: 'snapshot',
    });
    expect(catalog.storageMonthly('efs', 'us-east-1')?.source).toBe('snapshot');
    const cached = JSON.parse(await readFile(priceCacheFile(cacheDir, 'us-east-1'), 'utf8'));
    expect(cached).toMatchObject({ region: 'us-east-1', fetched_at: now.toISOString() });
  });

  it('uses a fresh cache without calling the API, and refreshes an expired one', async () => {
    await loadApiPriceCatalog({
      source,
      regions: ['us-east-1'],
      cacheDir,
      now: new Date('2026-11-20T10:00:00Z'),
    });
    const dayLater = await loadApiPriceCatalog({
      source,
      regions: ['us-east-1'],
      cacheDir,
      now: new Date('2026-11-21T10:00:00Z'),
    });
    expect(dayLater.fetched).toEqual([]);
    expect(source.calls).toEqual(['us-east-1']);
    await loadApiPriceCatalog({
      source,
      regions: ['us-east-1'],
      cacheDir,
      now: new Date('2026-11-28T11:00:00Z'),
    });
    expect(source.calls).toEqual(['us-east-1', 'us-east-1']);
    await loadApiPriceCatalog({
      source,
      regions: ['us-east-1'],
      cacheDir,
      now: new Date('2026-11-28T12:00:00Z'),
      force: true,
    });
    expect(source.calls.length).toBe(3);
  });

  it('falls back to the snapshot with a visible note when the API is not permitted', async () => {
    source.failure = denied;
    const { catalog, notes } = await loadApiPriceCatalog({ source, regions: ['eu-west-1'], cacheDir });
    const note = `Price List API unavailable for eu-west-1 (Not permitted: pricing:GetProducts in us-east-1.); showing the estimate snapshot of ${PRICE_SNAPSHOT_DATE}`;
    expect(notes).toEqual([note]);
    const quote = catalog.instanceHourly('m7i.large', 'eu-west-1');
    expect(quote?.source).toBe('snapshot');
    expect(quote?.note?.startsWith(note)).toBe(true);
    expect(catalog.storageMonthly('gp3', 'eu-west-1')?.note?.startsWith(note)).toBe(true);
  });

  it('keeps using an expired cache, noted, when the network is down', async () => {
    await loadApiPriceCatalog({
      source,
      regions: ['us-east-1'],
      cacheDir,
      now: new Date('2026-10-01T10:00:00Z'),
    });
    source.failure = new CloudError({
      kind: 'network',
      code: 'ENOTFOUND',
      message: 'Cannot reach AWS in us-east-1 (ENOTFOUND).',
      hint: 'Check the network connection.',
    });
    const { catalog, notes } = await loadApiPriceCatalog({
      source,
      regions: ['us-east-1'],
      cacheDir,
      now: new Date('2026-11-20T10:00:00Z'),
    });
    expect(notes[0]).toBe(
      'Price List API unavailable for us-east-1 (Cannot reach AWS in us-east-1 (ENOTFOUND).); using prices fetched 2026-10-01',
    );
    expect(catalog.instanceHourly('m7i.large', 'us-east-1')).toMatchObject({
      usd_per_hour: 0.099,
      source: 'api',
    });
  });

  it('ignores and replaces a corrupt cache file', async () => {
    const file = priceCacheFile(cacheDir, 'us-east-1');
    await loadApiPriceCatalog({ source, regions: ['us-east-1'], cacheDir });
    await writeFile(file, '{"region": 42}');
    const { fetched } = await loadApiPriceCatalog({ source, regions: ['us-east-1'], cacheDir });
    expect(fetched).toEqual(['us-east-1']);
    expect(JSON.parse(await readFile(file, 'utf8')).region).toBe('us-east-1');
  });
});
