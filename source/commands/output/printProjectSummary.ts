import { formatUsd, formatUsdPerHour } from '../../core/cost/formatUsd.js';
import type { ProjectSummary } from '../../core/projects/projectSummary.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import type { CommandContext } from '../Command.js';
import { renderTextTable } from './renderTextTable.js';

export function printProjectSummary(context: CommandContext, summary: ProjectSummary): void {
  context.stdout(
    `${summary.name}${summary.description ? `: ${sanitizeForTerminal(summary.description)}` : ''}\n`,
  );
  context.stdout(`  members: ${summary.members.join(', ') || 'none'}\n`);
  context.stdout(
    `  running: ${summary.running} of ${summary.workstations.length}, ${formatUsdPerHour(summary.burn_per_hour)}\n`,
  );
  context.stdout(
    `  this month: ${formatUsd(summary.month_to_date)} so far, ${formatUsd(summary.projected_month)} projected (estimates)\n`,
  );
  if (summary.budget) {
    context.stdout(
      `  budget: ${formatUsd(summary.budget.monthly_usd)}/month, ${Math.round(summary.budget.used_percent)}% projected: ${summary.budget.status}\n`,
    );
  }
  if (summary.workstations.length > 0) {
    context.stdout(
      `\n${renderTextTable(summary.workstations, [
        { header: 'WORKSTATION', value: (w) => sanitizeForTerminal(w.name) },
        { header: 'STATE', value: (w) => w.state },
        { header: 'TYPE', value: (w) => w.instance_type },
        { header: 'USER', value: (w) => w.research_user ?? '-' },
        {
          header: '$/H',
          value: (w) => (w.hourly_cost === undefined ? '?' : formatUsdPerHour(w.hourly_cost)),
          align: 'right',
        },
      ])}`,
    );
  }
}
