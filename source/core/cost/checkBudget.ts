import type { Budget } from './Budget.js';
import type { BudgetAlertStore } from './BudgetAlertStore.js';
import { type BudgetEvaluation, evaluateBudget } from './evaluateBudget.js';

export interface BudgetCheck extends BudgetEvaluation {
  /** The alert record could not be read and was set aside. */
  warning?: string;
}

/**
 * Evaluates a budget against this month's spend and records the thresholds that fired, so the next
 * refresh does not fire them again. The caller shows `fired` alerts and carries out their actions.
 */
export async function checkBudget(options: {
  budget: Budget;
  budgetKey: string;
  month: string;
  spent: number;
  projected: number;
  store: BudgetAlertStore;
}): Promise<BudgetCheck> {
  const { fired: alreadyFired, warning } = await options.store.firedThresholds(
    options.budgetKey,
    options.month,
  );
  const evaluation: BudgetCheck = evaluateBudget(
    options.budget,
    options.spent,
    options.projected,
    alreadyFired,
  );
  await options.store.recordFired(
    options.budgetKey,
    options.month,
    evaluation.fired.map((alert) => alert.threshold),
  );
  if (warning) evaluation.warning = warning;
  return evaluation;
}
