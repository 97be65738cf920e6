import type { MonthSpend } from '../app/store/AppState.js';
import type { Theme, ThemeColor } from '../app/theme.js';

/**
 * The colour of the header's spend: the danger colour at or past the limit, the warning colour past
 * any threshold of the budget, the plain colour otherwise (and always, without colour).
 */
export function spendColor(spend: MonthSpend | undefined, theme: Theme): ThemeColor {
  if (!spend) return undefined;
  const overLimit = spend.budget_usd !== undefined && spend.spent_usd > spend.budget_usd;
  if (spend.level === 'exceeded' || overLimit) return theme.danger;
  return spend.level === 'warning' ? theme.warning : undefined;
}
