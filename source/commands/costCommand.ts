import { budgetSchema } from '../core/cost/Budget.js';
import type { CostReport } from '../core/cost/costReport.js';
import { costReportJson } from '../core/cost/costReportJson.js';
import { formatUsd, formatUsdPerHour } from '../core/cost/formatUsd.js';
import { roundCostReport } from '../core/cost/roundCostReport.js';
import { type TimeWindow, timeWindow } from '../core/cost/TimeWindow.js';
import { usageError } from './CliError.js';
import type { CommandRun } from './Command.js';
import { openCommandSession } from './openCommandSession.js';
import { renderTextTable } from './output/renderTextTable.js';

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

function renderText(unrounded: CostReport): string {
  const report = roundCostReport(unrounded);
  const lines = [
    `Burn rate ${formatUsdPerHour(report.burn_rate_per_hour)}   today ${formatUsd(report.today)}   month to date ${formatUsd(report.month_to_date)}   projected ${formatUsd(report.projected_month)}   (estimates)`,
  ];
  if (report.window) {
    const until = report.window.until_now ? `${report.window.to} (until now)` : report.window.to;
    lines.push(`${report.window.from} to ${until}: ${formatUsd(report.window.total)} (estimate)`);
  }
  if (report.budget) {
    const budget = report.budget;
    lines.push(
      `Budget ${formatUsd(budget.monthly_limit)}: ${Math.round(budget.percent_used)}% used, ${Math.round(budget.projected_percent)}% projected${budget.level === 'ok' ? '' : ` (${budget.level})`}`,
    );
    if (budget.block_reason) lines.push(budget.block_reason);
  }
  const billed = report.billed?.spend;
  if (report.billed && billed) {
    const money = (amount: number) =>
      billed.currency === 'USD' ? formatUsd(amount) : `${amount.toFixed(2)} ${billed.currency}`;
    // Unblended is what each day was charged; amortized adds the share of RI and Savings Plans fees.
    const amortized =
      billed.amortized_amount !== undefined && Math.abs(billed.amortized_amount - billed.amount) >= 0.005
        ? `; amortized ${money(billed.amortized_amount)} with Reserved Instance and Savings Plans fees`
        : '';
    lines.push(
      `Billed by AWS: ${money(billed.amount)} unblended${amortized} (Cost Explorer${report.billed.fetched_at ? `, fetched ${report.billed.fetched_at.slice(0, 16).replace('T', ' ')} UTC` : ''})`,
    );
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

/**
 * `cws-tui cost [--json] [--since T [--until T]]`: the profile's estimated spend and budget;
 * `cost findings` lists every service's ways to spend less.
 */
export const runCostCommand: CommandRun = async (context) => {
  const { flags } = context;
  if (context.args[0] === 'findings')
    return (await import('./costFindingsCommand.js')).runCostFindingsCommand(context);
  if (context.args.length > 0) throw usageError(`cost takes no arguments, got "${context.args.join(' ')}"`);
  if (flags.budget !== undefined && !(flags.budget > 0)) {
    throw usageError('--budget is a monthly limit in USD above 0');
  }
  const now = new Date();
  const window = requestedWindow(flags.since, flags.until, now);
  const session = await openCommandSession(context);
  const { report, warnings } = await session.costReport({
    now,
    fireAlerts: false,
    // A one-shot command reports with the live prices on AWS, not the snapshot it starts on.
    waitForLivePrices: true,
    ...(flags.budget !== undefined ? { budget: budgetSchema.parse({ monthly_limit: flags.budget }) } : {}),
    ...(window ? { window } : {}),
  });
  // The same gap (say, SageMaker not readable) is met once per region and source: say it once.
  for (const warning of new Set(warnings)) context.stderr(`cws-tui: ${warning}\n`);
  context.stdout(flags.json ? `${JSON.stringify(costReportJson(report), null, 2)}\n` : renderText(report));
  return 0;
};
