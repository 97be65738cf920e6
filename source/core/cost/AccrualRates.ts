import type { StateTransition } from '../ports.js';

export type AccrualState = StateTransition['state'];

/** What one resource costs per hour in each part of its life, in USD, discounts applied. */
export interface AccrualRates {
  /** The instance while it runs (on-demand, or the spot price). */
  compute_per_hour: number;
  /** Its volumes (or an EFS file system's data), whatever the instance's state. */
  storage_per_hour: number;
  /** The RAM snapshot a hibernated instance keeps on EBS, on top of its volumes. */
  hibernation_per_hour: number;
}

/** The hourly rate of a resource in a state (for `stopping`, as if it is not heading to hibernation). */
export function hourlyRateInState(state: AccrualState, rates: AccrualRates): number {
  switch (state) {
    case 'running':
      return rates.compute_per_hour + rates.storage_per_hour;
    case 'hibernated':
      return rates.storage_per_hour + rates.hibernation_per_hour;
    case 'terminated':
      return 0;
    default:
      return rates.storage_per_hour;
  }
}
