import { apportionRounded } from './apportionRounded.js';
import type { CostReport, CostReportItem } from './costReport.js';
import { roundUsd, roundUsdPerHour } from './formatUsd.js';

type Amount = 'today' | 'month_to_date' | 'projected_month' | 'saved_this_month';

const CENT = 0.01;

/**
 * The report as every view shows it: amounts rounded to cents so that the lines add up to the
 * totals, each line's rate to 4 decimals and the burn rate their sum. The cost panel, `cost` and `cost --json`
 * all print this, so a column summed by hand gives the total shown under it.
 */
export function roundCostReport(report: CostReport): CostReport {
  const items: CostReportItem[] = report.items.map((item) => ({ ...item }));
  const apportion = (field: Amount, unit: number) => {
    const rounded = apportionRounded(
      report.items.map((item) => item[field]),
      unit,
    );
    items.forEach((item, index) => {
      item[field] = rounded[index] ?? 0;
    });
  };
  // Each line's rate is the price the dashboard and `list` show for that row (4 decimals, as AWS
  // publishes prices): the burn rate is their sum, so all three views agree on every row.
  for (const item of items) item.rate_per_hour = roundUsdPerHour(item.rate_per_hour);
  apportion('today', CENT);
  apportion('month_to_date', CENT);
  apportion('projected_month', CENT);
  apportion('saved_this_month', CENT);
  if (report.window) {
    const windows = apportionRounded(
      report.items.map((item) => item.window_total ?? 0),
      CENT,
    );
    items.forEach((item, index) => {
      if (item.window_total !== undefined) item.window_total = windows[index] ?? 0;
    });
  }
  return {
    ...report,
    burn_rate_per_hour: roundedBurnRate(report),
    today: roundUsd(report.today),
    month_to_date: roundUsd(report.month_to_date),
    projected_month: roundUsd(report.projected_month),
    saved_this_month: roundUsd(report.saved_this_month),
    ...(report.window ? { window: { ...report.window, total: roundUsd(report.window.total) } } : {}),
    items,
  };
}

/**
 * The burn rate `roundCostReport` shows (the sum of the lines' rounded rates), without copying the
 * lines: the header needs only this figure, and 10,000 copied lines every report are garbage.
 */
export function roundedBurnRate(report: Pick<CostReport, 'items'>): number {
  let burn = 0;
  for (const item of report.items) burn += roundUsdPerHour(item.rate_per_hour);
  return roundUsdPerHour(burn);
}
