import { actionAt, type Budget, type BudgetAction } from './Budget.js';
import { formatUsd } from './formatUsd.js';

/** How firmly an action holds spend: a stop or hibernate also ends what runs, a block only new launches. */
const STRENGTH: Record<BudgetAction, number> = { warn: 0, block: 1, stop: 2, hibernate: 2 };

/**
 * How a budget handed on by an invitation would be looser than the inviter's own: an invitee may
 * get the same or a smaller monthly limit, never a larger one or none at all; alerts no later than
 * the inviter's last one; and every action the inviter's budget takes (block, stop) taken at the
 * same amount of dollars or before, as firmly, and as automatically. Empty when it is not looser.
 */
export function budgetWidening(child: Budget | undefined, parent: Budget | undefined): string[] {
  if (!parent) return [];
  if (!child)
    return [
      `budget: the inviter's limit is ${formatUsd(parent.monthly_limit)} a month, the invitation has none`,
    ];
  const problems: string[] = [];
  if (child.monthly_limit > parent.monthly_limit) {
    problems.push(
      `budget: ${formatUsd(child.monthly_limit)} a month is above the inviter's ${formatUsd(parent.monthly_limit)}`,
    );
  }
  const dollarsAt = (budget: Budget, threshold: number) => (budget.monthly_limit * threshold) / 100;
  const lastAlert = (budget: Budget) => Math.max(...budget.thresholds.map((t) => dollarsAt(budget, t)));
  if (child.monthly_limit <= parent.monthly_limit && lastAlert(child) > lastAlert(parent)) {
    problems.push(
      `budget: the last alert comes at ${formatUsd(lastAlert(child))}, after the inviter's last at ${formatUsd(lastAlert(parent))}`,
    );
  }
  for (const threshold of parent.thresholds) {
    const action = actionAt(parent, threshold);
    if (STRENGTH[action] === 0) continue;
    const limit = dollarsAt(parent, threshold);
    const held = child.thresholds.some(
      (own) => dollarsAt(child, own) <= limit && STRENGTH[actionAt(child, own)] >= STRENGTH[action],
    );
    if (!held) {
      problems.push(
        `budget: the inviter's budget will ${action} at ${formatUsd(limit)}; the invitation does not by then`,
      );
    }
  }
  if (parent.auto && !child.auto) {
    problems.push("budget: the inviter's actions run without asking (auto); the invitation's would ask");
  }
  return problems;
}
