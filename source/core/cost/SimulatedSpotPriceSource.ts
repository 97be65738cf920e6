import type { PriceCatalog } from './PriceCatalog.js';
import type { PriceQuote } from './PriceQuote.js';
import type { SpotPriceSource } from './SpotPriceSource.js';

/** Spot capacity has long sold at roughly a third of on-demand for the types researchers use. */
export const DEMO_SPOT_FRACTION = 0.3;

/**
 * The demo account's spot prices: a fixed fraction of the catalog's on-demand price, marked as
 * simulated so that nobody mistakes it for a market price.
 */
export class SimulatedSpotPriceSource implements SpotPriceSource {
  private readonly catalog: PriceCatalog;
  private readonly fraction: number;

  constructor(catalog: PriceCatalog, fraction: number = DEMO_SPOT_FRACTION) {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new RangeError(`a spot fraction is above 0 and at most 1, got ${fraction}`);
    }
    this.catalog = catalog;
    this.fraction = fraction;
  }

  async currentSpotPrice(instanceType: string, region: string): Promise<PriceQuote | undefined> {
    const onDemand = this.catalog.instanceHourly(instanceType, region);
    if (!onDemand) return undefined;
    return {
      usd_per_hour: onDemand.usd_per_hour * this.fraction,
      source: 'spot',
      as_of: onDemand.as_of,
      note: `simulated spot price of the demo account: ${Math.round(this.fraction * 100)}% of on-demand`,
    };
  }
}
