import type { CostContributor } from '../cost/CostContributor.js';
import type { MeteredCostResource } from '../cost/CostResource.js';
import { HOURS_PER_MONTH } from '../cost/PriceQuote.js';
import { fsxMonthlyCost } from './fsxMonthlyCost.js';
import { regionStoragePrices } from './regionStoragePrices.js';
import { describeStoragePrices, STORAGE_PRICES, type StoragePrices } from './storagePrices.js';

/**
 * FSx in the unified cost report: each of the app's file systems accrues its capacity, throughput
 * and backups (at its region's prices: the Price List API's, else the snapshot's) every hour since
 * it was created, until it is gone.
 */
export const fsxCostContributor: CostContributor = {
  service: 'FSx',
  async list(account, regions) {
    const fileSystems = await account.fsx.listFileSystems(regions);
    const prices = new Map<string, StoragePrices>();
    for (const region of new Set(fileSystems.map((fs) => fs.region))) {
      prices.set(region, await regionStoragePrices(account.storagePrices, region));
    }
    const resources = fileSystems.map((fs): MeteredCostResource => {
      const regionPrices = prices.get(fs.region) ?? STORAGE_PRICES;
      const monthly = fsxMonthlyCost(fs, regionPrices);
      const parts = [
        `capacity $${monthly.capacity_usd.toFixed(2)}/month`,
        ...(monthly.throughput_usd > 0 ? [`throughput $${monthly.throughput_usd.toFixed(2)}/month`] : []),
        ...(monthly.backups_usd > 0 ? [`backups $${monthly.backups_usd.toFixed(2)}/month`] : []),
      ];
      return {
        kind: 'metered',
        service: fs.type === 'lustre' ? 'FSx for Lustre' : 'FSx for OpenZFS',
        id: fs.id,
        name: fs.name,
        region: fs.region,
        usd_per_hour: monthly.total_usd / HOURS_PER_MONTH,
        price_source: regionPrices.source,
        transitions: [{ at: fs.created_at, state: 'running' }],
        notes: [`${parts.join(', ')} (${monthly.basis}) from ${describeStoragePrices(regionPrices)}`],
      };
    });
    return { resources, warnings: [] };
  },
};
