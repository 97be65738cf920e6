/** Storage prices of one region (USD per GB-month unless said), wherever they came from. */
export interface StoragePrices {
  /** The region the figures are for: the snapshot's are us-east-1's. */
  region: string;
  /** The Price List API (directly or through its cache), or the shipped snapshot. */
  source: 'api' | 'snapshot';
  /** The snapshot's month, or the day the API's prices were fetched. */
  as_of: string;
  /** Why these are not the region's current API prices, or which figures the API did not list. */
  note?: string;
  lustre: {
    scratch2_gb_month: number;
    /** Persistent 2 SSD, by MB/s/TiB: throughput is priced into the GB-month. */
    persistent2_gb_month: Record<number, number>;
    /** Persistent 1 HDD, by MB/s/TiB (the advisor's archive tier). */
    persistent1_hdd_gb_month: Record<number, number>;
    backup_gb_month: number;
  };
  openzfs: {
    /** Single-AZ 1 SSD storage. */
    ssd_gb_month: number;
    throughput_mbps_month: number;
    backup_gb_month: number;
  };
  efs: {
    standard_gb_month: number;
    infrequent_access_gb_month: number;
    archive_gb_month: number;
    /** Elastic throughput, per GB transferred. */
    elastic_read_gb: number;
    elastic_write_gb: number;
  };
  ebs: {
    gp3_gb_month: number;
    gp3_iops_month: number;
    gp3_mbps_month: number;
    io2_gb_month: number;
    io2_iops_month: number;
  };
}

/**
 * The shipped snapshot (us-east-1, as published on AWS's pricing pages in its month): the fallback
 * when the Price List API cannot be asked, and the default of every pure pricing function.
 */
export const STORAGE_PRICES: StoragePrices = {
  region: 'us-east-1',
  source: 'snapshot',
  as_of: '2026-11',
  lustre: {
    scratch2_gb_month: 0.14,
    persistent2_gb_month: { 125: 0.145, 250: 0.21, 500: 0.34, 1000: 0.6 },
    persistent1_hdd_gb_month: { 12: 0.025, 40: 0.083 },
    backup_gb_month: 0.05,
  },
  openzfs: {
    ssd_gb_month: 0.09,
    throughput_mbps_month: 0.26,
    backup_gb_month: 0.05,
  },
  efs: {
    standard_gb_month: 0.3,
    infrequent_access_gb_month: 0.016,
    archive_gb_month: 0.008,
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
};

/** Throughput levels Lustre prices; a level without a price is refused before it gets here. */
export function lustreGbMonth(
  deployment: 'scratch2' | 'persistent2',
  throughput: number,
  prices: StoragePrices = STORAGE_PRICES,
): number {
  if (deployment === 'scratch2') return prices.lustre.scratch2_gb_month;
  const price = prices.lustre.persistent2_gb_month[throughput];
  if (price === undefined) throw new RangeError(`no Lustre persistent2 price for ${throughput} MB/s/TiB`);
  return price;
}

/** One line naming where the figures came from, as the advisor and the cost notes print it. */
export function describeStoragePrices(prices: StoragePrices): string {
  const origin =
    prices.source === 'api'
      ? `the Price List API's ${prices.region} prices (fetched ${prices.as_of.slice(0, 10)})`
      : `AWS's published ${prices.region} prices (snapshot ${prices.as_of})`;
  return prices.note ? `${origin}; ${prices.note}` : origin;
}
