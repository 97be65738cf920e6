import type { ProfileBudget } from '../config/profileSchema.js';
import { type Budget, budgetSchema } from './Budget.js';

/**
 * A profile's budget in the cost engine's terms. A profile lists its actions without saying at which
 * threshold they act: every threshold warns, and launches are blocked (`block_launches`) or running
 * workstations stopped (`stop_workstations`) from the highest threshold on; when both are listed,
 * blocking wins there, since a stop needs a confirmation anyway and blocking is what keeps the limit.
 */
export function budgetFromProfile(budget: ProfileBudget): Budget {
  const top = budget.thresholds.length > 0 ? Math.max(...budget.thresholds) : 100;
  const topAction = budget.actions.includes('block_launches')
    ? 'block'
    : budget.actions.includes('stop_workstations')
      ? 'stop'
      : 'warn';
  return budgetSchema.parse({
    monthly_limit: budget.monthly_limit,
    thresholds: budget.thresholds.length > 0 ? budget.thresholds : [top],
    actions: { [String(top)]: topAction },
  });
}
