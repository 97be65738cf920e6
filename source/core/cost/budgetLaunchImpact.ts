import type { Budget } from './Budget.js';
import { HOURS_PER_MONTH } from './PriceQuote.js';
import { HOUR_MS } from './TimeWindow.js';

/** What launching a workstation now would do to this month's projection. */
export interface BudgetLaunchImpact {
  projected_before: number;
  projected_after: number;
  percent_before: number;
  percent_after: number;
  /** Thresholds the projection would newly pass. */
  crosses: number[];
}

/**
 * The launch wizard's "what this does to the month": the new workstation's hourly estimate running
 * from now until the month ends (at most the 730 h of a month), added to the current projection.
 */
export function budgetLaunchImpact(
  budget: Budget,
  projectedMonth: number,
  hourlyEstimate: number,
  now: Date,
  monthEnd: Date,
): BudgetLaunchImpact {
  const hoursLeft = Math.min(HOURS_PER_MONTH, Math.max(0, (monthEnd.getTime() - now.getTime()) / HOUR_MS));
  const projectedAfter = projectedMonth + hourlyEstimate * hoursLeft;
  const percentBefore = (projectedMonth / budget.monthly_limit) * 100;
  const percentAfter = (projectedAfter / budget.monthly_limit) * 100;
  return {
    projected_before: projectedMonth,
    projected_after: projectedAfter,
    percent_before: percentBefore,
    percent_after: percentAfter,
    crosses: budget.thresholds
      .filter((threshold) => percentBefore < threshold && percentAfter >= threshold)
      .sort((a, b) => a - b),
  };
}
