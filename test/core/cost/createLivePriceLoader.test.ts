import { describe, expect, it } from 'vitest';
import { createLivePriceLoader } from '../../../source/core/cost/createLivePriceLoader.js';
import { withDiscounts } from '../../../source/core/cost/discounts.js';
import type { ApiPriceCatalog } from '../../../source/core/cost/loadApiPriceCatalog.js';
import type { PriceCatalog } from '../../../source/core/cost/PriceCatalog.js';
import { PRICE_SNAPSHOT_DATE, snapshotPriceCatalog } from '../../../source/core/cost/priceTable.js';
import { ReplaceablePriceCatalog } from '../../../source/core/cost/ReplaceablePriceCatalog.js';

const live: PriceCatalog = {
  instanceHourly: (type, region) =>
    type === 't3.large'
      ? { usd_per_hour: 0.1, source: 'api', as_of: '2026-11-20' }
      : snapshotPriceCatalog.instanceHourly(type, region),
  storageMonthly: (kind, region) => snapshotPriceCatalog.storageMonthly(kind, region),
};

describe('createLivePriceLoader', () => {
  it('loads once on first need; views built on the catalog (discounted) follow the swap', async () => {
    const catalog = new ReplaceablePriceCatalog(snapshotPriceCatalog);
    const shown = withDiscounts(catalog, { ec2: 50 });
    const notices: string[] = [];
    let loads = 0;
    let finish: (value: ApiPriceCatalog) => void = () => {};
    const load = createLivePriceLoader({
      catalog,
      notices,
      load: () => {
        loads += 1;
        return new Promise<ApiPriceCatalog>((resolve) => {
          finish = resolve;
        });
      },
    });
    expect(loads).toBe(0);
    const pending = load();
    expect(load()).toBe(pending);
    expect(shown.instanceHourly('t3.large', 'us-east-1')?.source).toBe('snapshot');
    finish({
      catalog: live,
      notes: ['Price List API unavailable for eu-west-1 (timeout)'],
      fetched: ['us-east-1'],
    });
    await pending;
    expect(loads).toBe(1);
    expect(shown.instanceHourly('t3.large', 'us-east-1')).toMatchObject({
      usd_per_hour: 0.05,
      source: 'api',
    });
    expect(notices).toEqual(['Price List API unavailable for eu-west-1 (timeout)']);
  });

  it('keeps the snapshot and says why when the load fails; it never rejects', async () => {
    const catalog = new ReplaceablePriceCatalog(snapshotPriceCatalog);
    const notices: string[] = [];
    const load = createLivePriceLoader({
      catalog,
      notices,
      load: async () => {
        throw new Error('Cannot find package @aws-sdk/client-pricing');
      },
    });
    await expect(load()).resolves.toBeUndefined();
    await load();
    expect(catalog.instanceHourly('t3.large', 'us-east-1')?.source).toBe('snapshot');
    expect(notices).toEqual([
      `live prices could not be loaded (Cannot find package @aws-sdk/client-pricing); showing the estimate snapshot of ${PRICE_SNAPSHOT_DATE}`,
    ]);
  });
});
