import type { FsxDeployment, FsxFileSystem } from './FsxFileSystem.js';
import { lustreGbMonth, STORAGE_PRICES, type StoragePrices } from './storagePrices.js';

/** What an FSx file system costs per month, by what is billed. */
export interface FsxMonthlyCost {
  capacity_usd: number;
  throughput_usd: number;
  /** Backups FSx keeps (estimated as one full copy of the capacity while retention is on). */
  backups_usd: number;
  total_usd: number;
  /** How it was priced, as the cost page shows it. */
  basis: string;
}

export interface FsxCostShape {
  type: FsxFileSystem['type'];
  deployment: FsxDeployment;
  capacity_gib: number;
  throughput: number;
  backup_retention_days?: number;
}

/**
 * The month's price of a file system of this shape from the region's prices (the snapshot unless
 * given). Lustre prices
 * throughput into each GB-month (shown as capacity); OpenZFS bills storage and throughput apart.
 * OpenZFS snapshots live inside the file system's own capacity, so they add nothing here.
 */
export function fsxMonthlyCost(shape: FsxCostShape, prices: StoragePrices = STORAGE_PRICES): FsxMonthlyCost {
  const retention = (shape.backup_retention_days ?? 0) > 0;
  if (shape.type === 'lustre') {
    const deployment = shape.deployment === 'persistent2' ? 'persistent2' : 'scratch2';
    const perGb = lustreGbMonth(deployment, shape.throughput, prices);
    const capacity = shape.capacity_gib * perGb;
    const backups =
      retention && deployment === 'persistent2' ? shape.capacity_gib * prices.lustre.backup_gb_month : 0;
    return {
      capacity_usd: capacity,
      throughput_usd: 0,
      backups_usd: backups,
      total_usd: capacity + backups,
      basis: `${shape.capacity_gib} GiB × $${perGb}/GB-month (${deployment}, ${shape.throughput} MB/s/TiB)`,
    };
  }
  const zfs = prices.openzfs;
  const capacity = shape.capacity_gib * zfs.ssd_gb_month;
  const throughput = shape.throughput * zfs.throughput_mbps_month;
  const backups = retention ? shape.capacity_gib * zfs.backup_gb_month : 0;
  return {
    capacity_usd: capacity,
    throughput_usd: throughput,
    backups_usd: backups,
    total_usd: capacity + throughput + backups,
    basis: `${shape.capacity_gib} GiB × $${zfs.ssd_gb_month} + ${shape.throughput} MB/s × $${zfs.throughput_mbps_month}`,
  };
}
