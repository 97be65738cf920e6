import { type Discounts, withDiscounts } from './discounts.js';
import type { PriceCatalog, StorageKind } from './PriceCatalog.js';
import type { PriceQuote, StoragePriceQuote } from './PriceQuote.js';
import snapshot from './prices.json' with { type: 'json' };

/** The date of the price snapshot shipped with the app. */
export const PRICE_SNAPSHOT_DATE: string = snapshot.snapshot_date;

const SNAPSHOT_NOTE = `estimate from the price snapshot of ${snapshot.snapshot_date}`;

type PriceMap = Record<string, Record<string, number> | undefined>;

const ec2PerHour: PriceMap = snapshot.ec2_per_hour;
const sagemakerPerHour: PriceMap = snapshot.sagemaker_per_hour;
const ebsPerGbMonth: PriceMap = snapshot.ebs_per_gb_month;
const efsPerGbMonth: Record<string, number | undefined> = snapshot.efs_standard_per_gb_month;

/** The regions the snapshot covers. */
export const SNAPSHOT_REGIONS: readonly string[] = Object.keys(snapshot.ec2_per_hour);

/** The shipped snapshot as a catalog: works offline and on the demo account. */
export const snapshotPriceCatalog: PriceCatalog = {
  instanceHourly(instanceType: string, region: string): PriceQuote | undefined {
    const name = instanceType.trim().toLowerCase();
    const table = name.startsWith('ml.') ? sagemakerPerHour : ec2PerHour;
    const usd = table[region]?.[name];
    return usd === undefined
      ? undefined
      : { usd_per_hour: usd, source: 'snapshot', as_of: snapshot.snapshot_date, note: SNAPSHOT_NOTE };
  },
  storageMonthly(kind: StorageKind, region: string): StoragePriceQuote | undefined {
    const usd = kind === 'efs' ? efsPerGbMonth[region] : ebsPerGbMonth[region]?.[kind];
    return usd === undefined
      ? undefined
      : { usd_per_gb_month: usd, source: 'snapshot', as_of: snapshot.snapshot_date, note: SNAPSHOT_NOTE };
  },
};

export interface PriceLookupOptions {
  /** Defaults to the shipped snapshot. */
  catalog?: PriceCatalog;
  discounts?: Discounts;
}

function effectiveCatalog(options: PriceLookupOptions): PriceCatalog {
  const catalog = options.catalog ?? snapshotPriceCatalog;
  return options.discounts ? withDiscounts(catalog, options.discounts) : catalog;
}

/** $/hour of an instance type in a region, with the institution's discount when given. */
export function hourlyPrice(
  instanceType: string,
  region: string,
  options: PriceLookupOptions = {},
): PriceQuote | undefined {
  return effectiveCatalog(options).instanceHourly(instanceType, region);
}

/** $/GB-month of a storage kind in a region, with the institution's discount when given. */
export function storagePrice(
  kind: StorageKind,
  region: string,
  options: PriceLookupOptions = {},
): StoragePriceQuote | undefined {
  return effectiveCatalog(options).storageMonthly(kind, region);
}
