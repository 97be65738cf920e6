import { actionAt, type Budget, type BudgetAction } from './Budget.js';
import { formatUsd } from './formatUsd.js';

/** A threshold crossed for the first time this month. */
export interface BudgetAlert {
  threshold: number;
  action: BudgetAction;
  percent_used: number;
  message: string;
  /** Stop and hibernate wait for the user's confirmation unless the admin set the budget to act alone. */
  requires_confirmation: boolean;
}

export type BudgetLevel = 'ok' | 'warning' | 'exceeded';

export interface BudgetEvaluation {
  monthly_limit: number;
  spent: number;
  projected: number;
  percent_used: number;
  projected_percent: number;
  /** `warning` past any threshold, `exceeded` at or past the limit: the header's colour. */
  level: BudgetLevel;
  /** Every threshold spend has reached this month, lowest first. */
  crossed: number[];
  /** The thresholds reached that had not fired before: each fires exactly once a month. */
  fired: BudgetAlert[];
  /** Whether a reached threshold blocks new launches (for as long as spend stays past it). */
  blocks_launch: boolean;
  /** Why launches are blocked, for the policy engine's explanation. */
  block_reason?: string;
}

function percentOf(amount: number, limit: number): number {
  return (amount / limit) * 100;
}

function alertMessage(threshold: number, action: BudgetAction, budget: Budget, spent: number): string {
  // The spend and the share of the budget it is now, not only the threshold crossed on the way.
  const used = Math.floor(percentOf(spent, budget.monthly_limit));
  const reached = `Budget alert: ${formatUsd(spent)} spent, ${used}% of the ${formatUsd(budget.monthly_limit)} budget (${threshold}% threshold)`;
  switch (action) {
    case 'warn':
      return `${reached}.`;
    case 'block':
      return `${reached}: new launches are blocked.`;
    case 'stop':
      return `${reached}: running workstations are to be stopped.`;
    case 'hibernate':
      return `${reached}: running workstations are to be hibernated.`;
  }
}

/**
 * Compares month-to-date spend with a budget. `alreadyFired` holds the thresholds that fired earlier
 * this month (kept by the budget alert store), so that each alert and action happens exactly once.
 */
export function evaluateBudget(
  budget: Budget,
  spent: number,
  projected: number,
  alreadyFired: ReadonlySet<number>,
): BudgetEvaluation {
  const percentUsed = percentOf(spent, budget.monthly_limit);
  // A hair of tolerance so that spend exactly at a threshold reaches it despite floating point.
  const crossed = [...new Set(budget.thresholds)]
    .filter((threshold) => percentUsed + 1e-9 >= threshold)
    .sort((a, b) => a - b);
  const fired = crossed
    .filter((threshold) => !alreadyFired.has(threshold))
    .map((threshold): BudgetAlert => {
      const action = actionAt(budget, threshold);
      return {
        threshold,
        action,
        percent_used: percentUsed,
        message: alertMessage(threshold, action, budget, spent),
        requires_confirmation: (action === 'stop' || action === 'hibernate') && !budget.auto,
      };
    });
  const blocking = crossed.find((threshold) => actionAt(budget, threshold) === 'block');
  const evaluation: BudgetEvaluation = {
    monthly_limit: budget.monthly_limit,
    spent,
    projected,
    percent_used: percentUsed,
    projected_percent: percentOf(projected, budget.monthly_limit),
    level: percentUsed + 1e-9 >= 100 ? 'exceeded' : crossed.length > 0 ? 'warning' : 'ok',
    crossed,
    fired,
    blocks_launch: blocking !== undefined,
  };
  if (blocking !== undefined) {
    evaluation.block_reason = `This month's spend of ${formatUsd(spent)} is ${Math.floor(percentUsed)}% of the ${formatUsd(budget.monthly_limit)} budget; at ${blocking}% the budget blocks new launches. Stop something or ask an admin to raise the limit.`;
  }
  return evaluation;
}
