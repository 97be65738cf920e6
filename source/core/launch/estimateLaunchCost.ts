import { type CostEstimate, CostEstimateError, estimateCost } from '../cost/estimateCost.js';
import type { PriceQuote } from '../cost/PriceQuote.js';
import { LaunchError } from './LaunchError.js';
import type { LaunchCheckContext } from './launchChecks.js';

/**
 * $/hour and $/month of the launch, with the institution's discounts. A spot launch is estimated at
 * the current spot price; without one (no spot offering, no permission to read the history) it
 * stays on demand, an upper bound, and the estimate's note says why.
 */
export async function estimateLaunchCost(
  context: LaunchCheckContext,
  launch: { instanceType: string; region: string; rootVolumeGb: number; spot: boolean },
): Promise<CostEstimate> {
  const spot = launch.spot ? await currentSpotPrice(context, launch.instanceType, launch.region) : undefined;
  const estimate = withPriceHint(() =>
    estimateCost(
      {
        instanceType: launch.instanceType,
        region: launch.region,
        rootVolumeGb: launch.rootVolumeGb,
        volumeType: 'gp3',
        ...(spot?.quote ? { spot: spot.quote } : {}),
        ...(context.discounts ? { discounts: context.discounts } : {}),
      },
      context.prices,
    ),
  );
  if (spot?.missing) estimate.note = estimate.note ? `${spot.missing}; ${estimate.note}` : spot.missing;
  return estimate;
}

/**
 * A missing price says where prices come from and how to check it: a region the built-in table
 * lacks is priced only by the Price List API, which an institution's policy may not allow.
 */
function withPriceHint(estimate: () => CostEstimate): CostEstimate {
  try {
    return estimate();
  } catch (error) {
    if (!(error instanceof CostEstimateError) || !error.message.startsWith('no price')) throw error;
    throw new LaunchError(
      'estimate-cost',
      error.message,
      'Neither the built-in price table nor the AWS Price List API (pricing:GetProducts) gave one, and the policy checks need it: `cws-tui doctor` shows whether live prices can be read.',
    );
  }
}

async function currentSpotPrice(
  context: LaunchCheckContext,
  instanceType: string,
  region: string,
): Promise<{ quote?: PriceQuote; missing?: string }> {
  if (!context.spotPrice) return { missing: 'spot priced on demand (an upper bound): no spot prices here' };
  try {
    const quote = await context.spotPrice(instanceType, region);
    return quote
      ? { quote }
      : { missing: `no spot price for ${instanceType} in ${region}: priced on demand (an upper bound)` };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { missing: `the spot price could not be read (${reason}): priced on demand (an upper bound)` };
  }
}
