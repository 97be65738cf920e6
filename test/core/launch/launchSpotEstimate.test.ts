import { beforeEach, describe, expect, it } from 'vitest';
import type { PriceQuote } from '../../../source/core/cost/PriceQuote.js';
import { snapshotPriceCatalog } from '../../../source/core/cost/priceTable.js';
import { SimulatedSpotPriceSource } from '../../../source/core/cost/SimulatedSpotPriceSource.js';
import type { LaunchRequest } from '../../../source/core/launch/LaunchRequest.js';
import { type LaunchContext, launchWorkstation } from '../../../source/core/launch/launchWorkstation.js';

import { demoLaunch } from './launchFixtures.js';

const ON_DEMAND = snapshotPriceCatalog.instanceHourly('t3.large', 'us-east-1')?.usd_per_hour ?? Number.NaN;
const GP3 = snapshotPriceCatalog.storageMonthly('gp3', 'us-east-1')?.usd_per_gb_month ?? Number.NaN;
const STORAGE_PER_HOUR = (20 * GP3) / 730;

let context: LaunchContext;
const spotCalls: string[] = [];

beforeEach(() => {
  spotCalls.length = 0;
  context = demoLaunch().context;
});

const request = (overrides: Partial<LaunchRequest> = {}): LaunchRequest => ({
  template: 'ubuntu',
  name: 'cheap',
  spot: true,
  hibernation: false,
  ...overrides,
});

describe('a spot launch is estimated with the current spot price', () => {
  it('uses the spot source, with the discount of EC2 applied to it too', async () => {
    const quote: PriceQuote = {
      usd_per_hour: 0.025,
      source: 'spot',
      as_of: '2026-11-26T03:00:00Z',
      note: 'lowest spot price in us-east-1 (us-east-1b)',
    };
    const result = await launchWorkstation(request(), {
      ...context,
      discounts: { ec2: 20 },
      spotPrice: async (type, region) => {
        spotCalls.push(`${type}@${region}`);
        return quote;
      },
    });
    expect(spotCalls).toEqual(['t3.large@us-east-1']);
    expect(result.estimate.breakdown.compute.hourly).toBeCloseTo(0.025 * 0.8, 10);
    expect(result.estimate.source).toBe('spot');
    expect(result.estimate.note).toContain('lowest spot price in us-east-1');
    expect(result.estimate.note).toContain("includes the institution's 20% discount");
  });

  it('does not ask for a spot price when the launch is on demand', async () => {
    const result = await launchWorkstation(request({ spot: false }), {
      ...context,
      spotPrice: async (type) => {
        spotCalls.push(type);
        return undefined;
      },
    });
    expect(spotCalls).toEqual([]);
    expect(result.estimate.hourly).toBeCloseTo(ON_DEMAND + STORAGE_PER_HOUR, 10);
  });

  it('simulates the demo account spot price as a stated fraction of on-demand', async () => {
    const spot = new SimulatedSpotPriceSource(snapshotPriceCatalog);
    const result = await launchWorkstation(request(), {
      ...context,
      spotPrice: (type, region) => spot.currentSpotPrice(type, region),
    });
    expect(result.estimate.breakdown.compute.hourly).toBeCloseTo(ON_DEMAND * 0.3, 10);
    expect(result.estimate.note).toBe('simulated spot price of the demo account: 30% of on-demand');
  });

  it('falls back to on demand, an upper bound, and says why', async () => {
    const none = await launchWorkstation(request({ name: 'none' }), {
      ...context,
      spotPrice: async () => undefined,
    });
    expect(none.estimate.breakdown.compute.hourly).toBeCloseTo(ON_DEMAND, 10);
    expect(none.estimate.note).toMatch(
      /^no spot price for t3\.large in us-east-1: priced on demand \(an upper bound\)/,
    );
    const denied = await launchWorkstation(request({ name: 'denied' }), {
      ...context,
      spotPrice: async () => {
        throw new Error('not authorized to perform ec2:DescribeSpotPriceHistory');
      },
    });
    expect(denied.estimate.note).toMatch(
      /^the spot price could not be read \(not authorized to perform ec2:DescribeSpotPriceHistory\)/,
    );
  });
});
