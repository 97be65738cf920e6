import { z } from 'zod';
import { lazySchema } from '../schema/lazySchema.js';

export const BUDGET_ACTIONS = ['warn', 'block', 'stop', 'hibernate'] as const;
/** What happens when spend crosses a threshold. */
export type BudgetAction = (typeof BUDGET_ACTIONS)[number];

/**
 * A monthly budget of a profile or project, as configured: alert thresholds in percent of the limit,
 * and the action each threshold takes (a threshold without an action warns). Stopping or hibernating
 * workstations asks for confirmation unless `auto` is set by the admin.
 */
export const budgetSchema = lazySchema(() =>
  z
    .strictObject({
      monthly_limit: z.number().positive('the monthly limit is an amount in USD above 0'),
      thresholds: z
        .array(
          z
            .number()
            .positive('a threshold is a percentage above 0')
            .max(1000, 'a threshold is at most 1000%'),
        )
        .min(1, 'a budget needs at least one threshold, e.g. [50, 80, 100]')
        .default([50, 80, 100]),
      actions: z.record(z.string(), z.enum(BUDGET_ACTIONS)).default({}),
      auto: z.boolean().default(false),
    })
    .superRefine((budget, context) => {
      for (const key of Object.keys(budget.actions)) {
        if (!budget.thresholds.includes(Number(key))) {
          context.addIssue({
            code: 'custom',
            path: ['actions', key],
            message: `the action is set for ${key}%, which is not one of the thresholds (${budget.thresholds.join(', ')})`,
          });
        }
      }
    }),
);

export type Budget = z.output<typeof budgetSchema>;

/** The action configured for a threshold: `warn` unless set. */
export function actionAt(budget: Budget, threshold: number): BudgetAction {
  return budget.actions[String(threshold)] ?? 'warn';
}
