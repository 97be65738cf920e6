import type { CostReport, CostReportItem } from './costReport.js';
import type { CostReportJson } from './costReportJsonSchema.js';
import { roundUsd, roundUsdPerHour } from './formatUsd.js';
import { roundCostReport } from './roundCostReport.js';

function roundPercent(percent: number): number {
  return Math.round(percent * 10) / 10;
}

/** An item as `cost --json` prints it: amounts in USD, rounded to cents (hourly rates to 4 decimals). */
function itemJson(item: CostReportItem): CostReportJson['items'][number] {
  const json: CostReportJson['items'][number] = {
    ...item,
    notes: [...item.notes],
    rate_per_hour: roundUsdPerHour(item.rate_per_hour),
    today: roundUsd(item.today),
    month_to_date: roundUsd(item.month_to_date),
    projected_month: roundUsd(item.projected_month),
    saved_this_month: roundUsd(item.saved_this_month),
    stopped_hours_this_month: Math.round(item.stopped_hours_this_month * 100) / 100,
    hibernated_hours_this_month: Math.round(item.hibernated_hours_this_month * 100) / 100,
  };
  if (item.window_total !== undefined) json.window_total = roundUsd(item.window_total);
  return json;
}

/**
 * The report as `cws-tui cost --json` prints it, rounded exactly as the panel's `formatUsd` rounds, so
 * the two agree to the cent. Keys: burn_rate_per_hour, today, month_to_date, projected_month,
 * daily (the last 14 days, oldest first), budget (null without one), billed (null unless Cost
 * Explorer is enabled), items.
 */
export function costReportJson(unrounded: CostReport): CostReportJson {
  // Lines rounded so they add up to the totals, as the panel and the text report show them.
  const report = roundCostReport(unrounded);
  const budget = report.budget;
  return {
    generated_at: report.generated_at,
    time_zone: report.time_zone,
    currency: report.currency,
    basis: report.basis,
    burn_rate_per_hour: roundUsdPerHour(report.burn_rate_per_hour),
    today: roundUsd(report.today),
    month_to_date: roundUsd(report.month_to_date),
    projected_month: roundUsd(report.projected_month),
    saved_this_month: roundUsd(report.saved_this_month),
    month: report.month,
    window: report.window ? { ...report.window, total: roundUsd(report.window.total) } : null,
    daily: report.daily.map((day) => ({ date: day.date, amount: roundUsd(day.amount) })),
    budget: budget
      ? {
          monthly_limit: roundUsd(budget.monthly_limit),
          spent: roundUsd(budget.spent),
          projected: roundUsd(budget.projected),
          percent_used: roundPercent(budget.percent_used),
          projected_percent: roundPercent(budget.projected_percent),
          level: budget.level,
          crossed: budget.crossed,
          blocks_launch: budget.blocks_launch,
          ...(budget.block_reason ? { block_reason: budget.block_reason } : {}),
        }
      : null,
    billed: report.billed
      ? {
          basis: 'billed',
          amount: report.billed.spend ? roundUsd(report.billed.spend.amount) : null,
          fetched_at: report.billed.fetched_at ?? null,
          from_cache: report.billed.from_cache,
          ...(report.billed.error ? { error: report.billed.error } : {}),
        }
      : null,
    items: report.items.map(itemJson),
    notes: report.notes,
  };
}
