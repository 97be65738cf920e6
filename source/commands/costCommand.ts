import { join } from 'node:path';
import { ConfigStore } from '../core/config/ConfigStore.js';
import type { ProfileBudget } from '../core/config/profileSchema.js';
import { type Budget, budgetSchema } from '../core/cost/Budget.js';
import { BudgetAlertStore } from '../core/cost/BudgetAlertStore.js';
import { buildCostReport, type CostReport } from '../core/cost/costReport.js';
import { costReportJson } from '../core/cost/costReportJson.js';
import { formatUsd, formatUsdPerHour } from '../core/cost/formatUsd.js';
import { listCostResources } from '../core/cost/listCostResources.js';
import { snapshotPriceCatalog } from '../core/cost/priceTable.js';
import { type TimeWindow, timeWindow } from '../core/cost/TimeWindow.js';
import { zonedMonthKey } from '../core/cost/zonedCalendar.js';
import { resolveAppPaths } from '../core/paths.js';
import { usageError } from './CliError.js';
import type { CommandRun } from './Command.js';
import { openCommandSession } from './openCommandSession.js';
import { renderTextTable } from './output/renderTextTable.js';

/** The file in the state dir where fired budget thresholds are kept (shared with the TUI). */
export function budgetAlertFile(stateDir: string): string {
  return join(stateDir, 'budget-alerts.json');
}

/**
 * A profile's budget in the cost engine's terms. The profile lists actions without thresholds:
 * blocking launches applies from the highest threshold; every threshold warns.
 */
function budgetOfProfile(budget: ProfileBudget): Budget {
  const top = Math.max(...budget.thresholds);
  return budgetSchema.parse({
    monthly_limit: budget.monthly_limit,
    thresholds: budget.thresholds.length > 0 ? budget.thresholds : undefined,
    actions:
      budget.actions.includes('block_launches') && Number.isFinite(top) ? { [String(top)]: 'block' } : {},
  });
}

function requestedWindow(
  since: string | undefined,
  until: string | undefined,
  now: Date,
): TimeWindow | undefined {
  if (since === undefined && until === undefined) return undefined;
  if (since === undefined)
    throw usageError('--until needs --since: cws-tui cost --since 2026-11-01 [--until ...]');
  try {
    return timeWindow(since, until ?? now);
  } catch (error) {
    throw usageError(`--since/--until: ${(error as Error).message}`);
  }
}

function renderText(report: CostReport): string {
  const lines = [
    `Burn rate ${formatUsdPerHour(report.burn_rate_per_hour)}   today ${formatUsd(report.today)}   month to date ${formatUsd(report.month_to_date)}   projected ${formatUsd(report.projected_month)}   (estimates)`,
  ];
  if (report.window) {
    lines.push(`${report.window.from} to ${report.window.to}: ${formatUsd(report.window.total)} (estimate)`);
  }
  if (report.budget) {
    const budget = report.budget;
    lines.push(
      `Budget ${formatUsd(budget.monthly_limit)}: ${Math.round(budget.percent_used)}% used, ${Math.round(budget.projected_percent)}% projected${budget.level === 'ok' ? '' : ` (${budget.level})`}`,
    );
    if (budget.block_reason) lines.push(budget.block_reason);
  }
  if (report.saved_this_month > 0)
    lines.push(`Saved by stopping and hibernating: ${formatUsd(report.saved_this_month)}`);
  lines.push('');
  const table =
    report.items.length === 0
      ? 'No managed resources.\n'
      : renderTextTable(report.items, [
          { header: 'NAME', value: (item) => item.name },
          { header: 'STATE', value: (item) => item.state },
          { header: 'TYPE', value: (item) => item.instance_type ?? 'EFS' },
          { header: 'REGION', value: (item) => item.region },
          { header: '$/H', value: (item) => formatUsdPerHour(item.rate_per_hour), align: 'right' },
          { header: 'TODAY', value: (item) => formatUsd(item.today), align: 'right' },
          { header: 'MONTH', value: (item) => formatUsd(item.month_to_date), align: 'right' },
          { header: 'PROJECTED', value: (item) => formatUsd(item.projected_month), align: 'right' },
          { header: 'SAVED', value: (item) => formatUsd(item.saved_this_month), align: 'right' },
          ...(report.window
            ? [
                {
                  header: 'WINDOW',
                  value: (item: CostReport['items'][number]) => formatUsd(item.window_total ?? 0),
                  align: 'right' as const,
                },
              ]
            : []),
        ]);
  const notes = report.notes.map((note) => `note: ${note}\n`).join('');
  return `${lines.join('\n')}\n${table}${notes}`;
}

/** `cws-tui cost [--json] [--since T [--until T]]`: the profile's estimated spend and budget. */
export const runCostCommand: CommandRun = async (context) => {
  const { flags, env } = context;
  if (context.args.length > 0) throw usageError(`cost takes no arguments, got "${context.args.join(' ')}"`);
  if (flags.budget !== undefined && !(flags.budget > 0))
    throw usageError('--budget is a monthly limit in USD above 0');
  const now = new Date();
  const window = requestedWindow(flags.since, flags.until, now);
  const session = await openCommandSession(context);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const paths = resolveAppPaths(env);
  const profileBudget = ConfigStore.open(paths.configDir).getProfile(session.info.profile)?.budget;
  const budget =
    flags.budget !== undefined
      ? budgetSchema.parse({ monthly_limit: flags.budget })
      : profileBudget
        ? budgetOfProfile(profileBudget)
        : undefined;
  const resources = await listCostResources(session.account, session.info.regions);
  const store = new BudgetAlertStore(budgetAlertFile(paths.stateDir));
  const fired = budget
    ? await store.firedThresholds(`profile:${session.info.profile}`, zonedMonthKey(now, timeZone))
    : undefined;
  if (fired?.warning) context.stderr(`cws-tui: ${fired.warning}\n`);
  const report = buildCostReport({
    resources,
    now,
    catalog: snapshotPriceCatalog,
    timeZone,
    ...(budget ? { budget, budgetFired: fired?.fired ?? new Set<number>() } : {}),
    ...(window ? { window } : {}),
  });
  context.stdout(flags.json ? `${JSON.stringify(costReportJson(report), null, 2)}\n` : renderText(report));
  return 0;
};
