import type { PriceQuote } from './PriceQuote.js';

/** The port for current spot prices (EC2 DescribeSpotPriceHistory in `source/aws/pricing`). */
export interface SpotPriceSource {
  /**
   * The latest Linux spot price of a type: in the given availability zone, or the lowest across the
   * region's zones. Undefined when the type has no spot offering there.
   */
  currentSpotPrice(
    instanceType: string,
    region: string,
    availabilityZone?: string,
  ): Promise<PriceQuote | undefined>;
}
