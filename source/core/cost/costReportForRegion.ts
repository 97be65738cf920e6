import type { CostReport } from './costReport.js';
import { roundUsd, roundUsdPerHour } from './formatUsd.js';

/**
 * A rounded report cut to one region's lines, its totals the sums of those lines, so the panel's
 * totals add up to the rows it shows. The daily history and the budget stay account-wide: the
 * ledger keeps no per-region days and the budget is the profile's, so the panel labels them so.
 */
export function costReportForRegion(report: CostReport, region: string | undefined): CostReport {
  if (region === undefined) return report;
  const items = report.items.filter((item) => item.region === region);
  const sum = (pick: (item: CostReport['items'][number]) => number) =>
    items.reduce((total, item) => total + pick(item), 0);
  return {
    ...report,
    items,
    burn_rate_per_hour: roundUsdPerHour(sum((item) => item.rate_per_hour)),
    today: roundUsd(sum((item) => item.today)),
    month_to_date: roundUsd(sum((item) => item.month_to_date)),
    projected_month: roundUsd(sum((item) => item.projected_month)),
    saved_this_month: roundUsd(sum((item) => item.saved_this_month)),
    ...(report.window
      ? { window: { ...report.window, total: roundUsd(sum((item) => item.window_total ?? 0)) } }
      : {}),
  };
}
