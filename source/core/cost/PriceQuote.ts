/** Where a price came from: the snapshot shipped with the app, the AWS Price List API, or spot history. */
export type PriceSource = 'snapshot' | 'api' | 'spot';

interface PriceProvenance {
  source: PriceSource;
  /** The date the price was published or fetched (ISO date or date-time). */
  as_of: string;
  /** Shown next to the figure, e.g. that the API was unreachable and the snapshot is used. */
  note?: string;
}

/** The price of one hour of an instance (EC2 or SageMaker), in USD. */
export interface PriceQuote extends PriceProvenance {
  usd_per_hour: number;
}

/** The price of one GB stored for a month (EBS or EFS), in USD. */
export interface StoragePriceQuote extends PriceProvenance {
  usd_per_gb_month: number;
}

/** AWS prices storage per GB-month and the app estimates a month as 730 hours. */
export const HOURS_PER_MONTH = 730;
