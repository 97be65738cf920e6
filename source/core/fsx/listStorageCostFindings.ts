import type { CloudAccount } from '../ports.js';
import { TAG } from '../ports.js';
import type { Workstation } from '../workstations/Workstation.js';
import { regionStoragePrices } from './regionStoragePrices.js';
import {
  efsWithoutIaFindings,
  overProvisionedThroughputFindings,
  type StorageCostFinding,
  storageCostFindings,
  THROUGHPUT_WINDOW_DAYS,
} from './storageCostFindings.js';
import { STORAGE_PRICES, type StoragePrices } from './storagePrices.js';

/**
 * Reads what the storage rules need (FSx and EFS file systems, each FSx's busiest hour, each EFS
 * lifecycle, each region's prices) and runs them: the one path of `storage findings` and of the
 * storage lines in `cost findings`. Biggest saving first.
 */
export async function listStorageCostFindings(
  account: CloudAccount,
  regions: readonly string[],
  workstations: readonly Workstation[],
  now: Date,
): Promise<StorageCostFinding[]> {
  const [fileSystems, efs] = await Promise.all([
    account.fsx.listFileSystems(regions),
    account.storage.listFileSystems([...regions]),
  ]);
  const [peaks, lifecycles] = await Promise.all([
    Promise.all(
      fileSystems.map(async (fs) => ({
        file_system: fs,
        peak_mbps:
          fs.state === 'available'
            ? await account.fsx.peakThroughputMbps(fs.region, fs, THROUGHPUT_WINDOW_DAYS)
            : undefined,
      })),
    ),
    Promise.all(
      efs
        .filter((fs) => fs.tags[TAG.managed] === 'true' && fs.state === 'available')
        .map(async (fs) => ({
          file_system: fs,
          ia_days: await account.storage.infrequentAccessDays(fs.region, fs.id),
        })),
    ),
  ]);
  const prices = new Map<string, StoragePrices>();
  for (const region of new Set([...fileSystems, ...efs].map((fs) => fs.region))) {
    prices.set(region, await regionStoragePrices(account.storagePrices, region));
  }
  const pricesOf = (region: string) => prices.get(region) ?? STORAGE_PRICES;
  return [
    ...storageCostFindings(fileSystems, workstations, now, pricesOf),
    ...overProvisionedThroughputFindings(peaks, pricesOf),
    ...efsWithoutIaFindings(lifecycles, pricesOf),
  ].sort((a, b) => b.monthly_saving_usd - a.monthly_saving_usd);
}
