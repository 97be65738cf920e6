import type { StateTransition } from '../ports.js';
import type { AccrualRates } from './AccrualRates.js';
import type { TimeWindow } from './TimeWindow.js';
import { type UsageHours, usageHours } from './usageHours.js';

/** The cost of billable hours at a resource's rates, in USD (unrounded). */
export function costOfUsage(usage: UsageHours, rates: AccrualRates): number {
  return (
    usage.compute * rates.compute_per_hour +
    usage.storage * rates.storage_per_hour +
    usage.hibernation * rates.hibernation_per_hour
  );
}

/**
 * What a resource accrued inside a window, estimated from its state history: running accrues compute
 * and storage, stopped storage only, hibernated storage and its RAM snapshot, terminated nothing.
 */
export function accrueSpend(
  history: readonly StateTransition[],
  window: TimeWindow,
  rates: AccrualRates,
): number {
  return costOfUsage(usageHours(history, window), rates);
}
