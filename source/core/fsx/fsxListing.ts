import type { Workstation } from '../workstations/Workstation.js';
import type { FsxFileSystem } from './FsxFileSystem.js';
import { fsxMonthlyCost } from './fsxMonthlyCost.js';
import { workstationsMountingFsx } from './fsxOperations.js';
import { STORAGE_PRICES, type StoragePrices } from './storagePrices.js';

/** An FSx file system as `storage list` shows it: its shape, price and who mounts it. */
export interface FsxListing extends FsxFileSystem {
  monthly_usd: number;
  mounted_by: string[];
}

export function fsxListing(
  fileSystems: readonly FsxFileSystem[],
  workstations: readonly Workstation[],
  /** The regions' prices as the listing loaded them; the snapshot's for a region not among them. */
  prices: Readonly<Record<string, StoragePrices>> = {},
): FsxListing[] {
  return fileSystems.map((fs) => ({
    ...fs,
    monthly_usd: Math.round(fsxMonthlyCost(fs, prices[fs.region] ?? STORAGE_PRICES).total_usd * 100) / 100,
    mounted_by: workstationsMountingFsx(fs, workstations).map((w) => w.name),
  }));
}
