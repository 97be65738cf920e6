import { z } from 'zod';
import { type Budget, budgetSchema } from '../cost/Budget.js';
import { lazySchema } from '../schema/lazySchema.js';

/**
 * The budget profiles stored up to config format 1.1.0 (and invitations issued then carry): actions
 * listed without the threshold they act at.
 */
export const legacyProfileBudgetSchema = lazySchema(() =>
  z.strictObject({
    monthly_limit: z.number().positive(),
    thresholds: z.array(z.number().positive().max(1000)),
    actions: z.array(z.enum(['notify', 'block_launches', 'stop_workstations'])),
  }),
);
export type LegacyProfileBudget = z.infer<typeof legacyProfileBudgetSchema>;

/**
 * An old budget in today's format: every threshold warns, and launches are blocked
 * (`block_launches`) or running workstations stopped (`stop_workstations`) from the highest
 * threshold on; when both were listed, blocking wins there, since a stop needs a confirmation anyway
 * and blocking is what keeps the limit. No thresholds meant 100%.
 */
export function budgetFromLegacyProfileBudget(legacy: LegacyProfileBudget): Budget {
  const thresholds = legacy.thresholds.length > 0 ? legacy.thresholds : [100];
  const top = Math.max(...thresholds);
  const topAction = legacy.actions.includes('block_launches')
    ? 'block'
    : legacy.actions.includes('stop_workstations')
      ? 'stop'
      : 'warn';
  return budgetSchema.parse({
    monthly_limit: legacy.monthly_limit,
    thresholds,
    actions: { [String(top)]: topAction },
  });
}

/**
 * A stored budget in either format, read as today's: old ones are converted, anything else is left
 * for the schema to reject with its own message.
 */
export function upgradeStoredBudget(value: unknown): unknown {
  const legacy = legacyProfileBudgetSchema.safeParse(value);
  return legacy.success ? budgetFromLegacyProfileBudget(legacy.data) : value;
}
