import { describeError } from '../../app/describeError.js';
import type { Session } from '../../app/session/Session.js';
import type { BudgetActionStep } from '../../core/cost/budgetActionPlan.js';

/** What carrying out a budget action plan did: the steps that worked and why the others failed. */
export interface BudgetActionOutcome {
  done: BudgetActionStep[];
  failed: Array<{ step: BudgetActionStep; message: string }>;
}

/** Stops or hibernates every workstation of the plan; one failure does not stop the others. */
export async function applyBudgetActions(
  session: Session,
  steps: readonly BudgetActionStep[],
): Promise<BudgetActionOutcome> {
  const results = await Promise.allSettled(steps.map((step) => session.applyBudgetAction(step)));
  const outcome: BudgetActionOutcome = { done: [], failed: [] };
  results.forEach((result, index) => {
    const step = steps[index];
    if (!step) return;
    if (result.status === 'fulfilled') outcome.done.push(step);
    else outcome.failed.push({ step, message: describeError(result.reason).message });
  });
  return outcome;
}

/** One line for the flash: `Budget: stopped 2, hibernated 1 workstation(s); 1 failed (ws: reason)`. */
export function describeBudgetActionOutcome(outcome: BudgetActionOutcome): string {
  const count = (action: BudgetActionStep['action']) =>
    outcome.done.filter((step) => step.action === action).length;
  const parts = [
    ...(count('stop') > 0 ? [`stopped ${count('stop')}`] : []),
    ...(count('hibernate') > 0 ? [`hibernated ${count('hibernate')}`] : []),
  ];
  const done = parts.length > 0 ? `${parts.join(', ')} workstation(s)` : 'nothing was stopped';
  const first = outcome.failed[0];
  const failed = first ? `; ${outcome.failed.length} failed (${first.step.name}: ${first.message})` : '';
  return `Budget: ${done}${failed}`;
}
