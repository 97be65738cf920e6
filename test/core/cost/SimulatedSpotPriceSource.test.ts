import { describe, expect, it } from 'vitest';
import { snapshotPriceCatalog } from '../../../source/core/cost/priceTable.js';
import { SimulatedSpotPriceSource } from '../../../source/core/cost/SimulatedSpotPriceSource.js';

describe('SimulatedSpotPriceSource', () => {
  it('prices spot at a stated fraction of on-demand, and knows no price the catalog does not', async () => {
    const onDemand = snapshotPriceCatalog.instanceHourly('m7i.large', 'us-east-1');
    const spot = await new SimulatedSpotPriceSource(snapshotPriceCatalog, 0.4).currentSpotPrice(
      'm7i.large',
      'us-east-1',
    );
    expect(spot).toEqual({
      usd_per_hour: (onDemand?.usd_per_hour ?? 0) * 0.4,
      source: 'spot',
      as_of: onDemand?.as_of,
      note: 'simulated spot price of the demo account: 40% of on-demand',
    });
    expect(
      await new SimulatedSpotPriceSource(snapshotPriceCatalog).currentSpotPrice('zz9.huge', 'us-east-1'),
    ).toBeUndefined();
    expect(() => new SimulatedSpotPriceSource(snapshotPriceCatalog, 0)).toThrow(
      'a spot fraction is above 0 and at most 1, got 0',
    );
  });
});
