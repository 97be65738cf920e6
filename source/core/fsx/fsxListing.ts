import type { Workstation } from '../workstations/Workstation.js';
import type { FsxFileSystem } from './FsxFileSystem.js';
import { fsxMonthlyCost } from './fsxMonthlyCost.js';
import { workstationsMountingFsx } from './fsxOperations.js';

/** An FSx file system as `storage list` shows it: its shape, price and who mounts it. */
export interface FsxListing extends FsxFileSystem {
  monthly_usd: number;
  mounted_by: string[];
}

export function fsxListing(
  fileSystems: readonly FsxFileSystem[],
  workstations: readonly Workstation[],
): FsxListing[] {
  return fileSystems.map((fs) => ({
    ...fs,
    monthly_usd: Math.round(fsxMonthlyCost(fs).total_usd * 100) / 100,
    mounted_by: workstationsMountingFsx(fs, workstations).map((w) => w.name),
  }));
}
