/** EC2 on-demand Linux and EBS prices of one region, as the AWS Price List API publishes them. */
export interface RegionPriceList {
  region: string;
  /** Instance type to USD per hour. */
  usd_per_hour: Record<string, number>;
  /** EBS volume type (gp3, gp2, io2) to USD per GB-month. */
  ebs_per_gb_month: Partial<Record<'gp3' | 'gp2' | 'io2', number>>;
  /** The publication date of the prices (`effectiveDate` of the terms), ISO. */
  published_at?: string;
}

/** The port `source/aws/pricing` implements with the AWS Price List API (GetProducts). */
export interface OnDemandPriceSource {
  fetchRegionPrices(region: string): Promise<RegionPriceList>;
}
