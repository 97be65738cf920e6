import type { AccrualRates } from './AccrualRates.js';
import type { UsageHours } from './usageHours.js';

/** What stopping and hibernating saved one resource, against running every hour it existed. */
export interface Savings {
  usd: number;
  stopped_hours: number;
  hibernated_hours: number;
}

/**
 * Savings over the same hours the usage covers: the compute not billed while the instance was not
 * running, less the RAM snapshot hibernation kept.
 */
export function savings(usage: UsageHours, rates: AccrualRates): Savings {
  const idleHours = usage.storage - usage.compute;
  return {
    usd: Math.max(0, idleHours * rates.compute_per_hour - usage.hibernation * rates.hibernation_per_hour),
    stopped_hours: usage.stopped,
    hibernated_hours: usage.hibernation,
  };
}
