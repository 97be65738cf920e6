import type { Budget } from './Budget.js';
import { formatUsd } from './formatUsd.js';

/**
 * How a budget handed on by an invitation would be looser than the inviter's own: an invitee may
 * get the same or a smaller monthly limit, never a larger one or none at all. Empty when it is not.
 */
export function budgetWidening(child: Budget | undefined, parent: Budget | undefined): string[] {
  if (!parent) return [];
  if (!child)
    return [
      `budget: the inviter's limit is ${formatUsd(parent.monthly_limit)} a month, the invitation has none`,
    ];
  if (child.monthly_limit > parent.monthly_limit) {
    return [
      `budget: ${formatUsd(child.monthly_limit)} a month is above the inviter's ${formatUsd(parent.monthly_limit)}`,
    ];
  }
  return [];
}
