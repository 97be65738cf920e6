/**
 * Storage prices (USD, us-east-1, per GB-month unless said), as published on AWS's pricing pages
 * when the snapshot was taken: the advisor, `storage create` and the cost report all read them
 * here, so one change moves every figure together.
 */
export const STORAGE_PRICES = {
  snapshot_date: '2026-11',
  region: 'us-east-1',
  lustre: {
    scratch2_gb_month: 0.14,
    /** Persistent 2 SSD, by MB/s/TiB: throughput is priced into the GB-month. */
    persistent2_gb_month: { 125: 0.145, 250: 0.21, 500: 0.34, 1000: 0.6 } as Record<number, number>,
    /** Persistent 1 HDD, by MB/s/TiB (the advisor's archive tier). */
    persistent1_hdd_gb_month: { 12: 0.025, 40: 0.083 } as Record<number, number>,
    backup_gb_month: 0.05,
  },
  openzfs: {
    /** Single-AZ 1 SSD storage. */
    ssd_gb_month: 0.09,
    throughput_mbps_month: 0.26,
    backup_gb_month: 0.05,
  },
  efs: {
    standard_gb_month: 0.3,
    infrequent_access_gb_month: 0.016,
    archive_gb_month: 0.008,
    /** Elastic throughput, per GB transferred. */
    elastic_read_gb: 0.03,
    elastic_write_gb: 0.06,
  },
  ebs: {
    gp3_gb_month: 0.08,
    gp3_iops_month: 0.005,
    gp3_mbps_month: 0.04,
    io2_gb_month: 0.125,
    io2_iops_month: 0.065,
  },
} as const;

/** Throughput levels Lustre prices; a level without a price is refused before it gets here. */
export function lustreGbMonth(deployment: 'scratch2' | 'persistent2', throughput: number): number {
  if (deployment === 'scratch2') return STORAGE_PRICES.lustre.scratch2_gb_month;
  const price = STORAGE_PRICES.lustre.persistent2_gb_month[throughput];
  if (price === undefined) throw new RangeError(`no Lustre persistent2 price for ${throughput} MB/s/TiB`);
  return price;
}
