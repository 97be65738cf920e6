import { formatUsdPrecise } from './formatUsdPrecise.js';
import type { PolicyContext } from './PolicyContext.js';
import type { PolicyViolation } from './PolicyVerdict.js';

/**
 * The monthly budget against the month's projected spend with the request, else the spend so far;
 * with neither known it denies, unverified.
 */
export function checkMonthlyBudget(budget: number, context: PolicyContext): PolicyViolation[] {
  const expected = `<= ${formatUsdPrecise(budget)} this month`;
  if (context.projected_month_spend !== undefined) {
    if (context.projected_month_spend <= budget) return [];
    return [
      {
        rule: 'monthly_budget',
        expected,
        actual: `${formatUsdPrecise(context.projected_month_spend)} projected`,
        message: `with this launch the month's spend is projected at ${formatUsdPrecise(context.projected_month_spend)}, above the monthly budget of ${formatUsdPrecise(budget)}`,
        unverified: false,
      },
    ];
  }
  if (context.month_to_date_spend !== undefined) {
    if (context.month_to_date_spend < budget) return [];
    return [
      {
        rule: 'monthly_budget',
        expected,
        actual: `${formatUsdPrecise(context.month_to_date_spend)} spent`,
        message: `${formatUsdPrecise(context.month_to_date_spend)} is already spent this month, which uses up the monthly budget of ${formatUsdPrecise(budget)}`,
        unverified: false,
      },
    ];
  }
  return [
    {
      rule: 'monthly_budget',
      expected,
      actual: 'unknown',
      message: `the monthly budget is ${formatUsdPrecise(budget)} but this month's spend is unknown, so it cannot be checked`,
      unverified: true,
    },
  ];
}
