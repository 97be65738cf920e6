/** EC2 on-demand Linux prices of one region, as the AWS Price List API publishes them. */
export interface RegionPriceList {
  region: string;
  /** Instance type to USD per hour. */
  usd_per_hour: Record<string, number>;
  /** The publication date of the prices (`effectiveDate` of the terms), ISO. */
  published_at?: string;
}

/** The port `source/aws/pricing` implements with the AWS Price List API (GetProducts). */
export interface OnDemandPriceSource {
  fetchRegionPrices(region: string): Promise<RegionPriceList>;
}
