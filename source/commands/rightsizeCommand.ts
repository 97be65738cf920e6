import { formatUsd } from '../core/cost/formatUsd.js';
import { rightsizeWorkstations } from '../core/rightsize/rightsizeWorkstations.js';
import { usageError } from './CliError.js';
import { findWorkstationByName } from './findWorkstationByName.js';
import { operationCommand, printJson } from './operations/operationCommand.js';
import { renderTextTable } from './output/renderTextTable.js';

/** `cws-tui rightsize [name]`: 14 days of CloudWatch CPU (and memory) to a type recommendation and its saving. */
export const runRightsizeCommand = operationCommand(async (context) => {
  const [name, ...extra] = context.args;
  if (extra.length > 0) throw usageError('usage: cws-tui rightsize [<name>] [--json]');
  const workstations = name
    ? [await findWorkstationByName(context.session, name)]
    : await context.session.listWorkstations();
  const results = await rightsizeWorkstations(context.ops, workstations);
  const total = results.reduce((sum, r) => sum + Math.max(0, r.monthly_saving_usd ?? 0), 0);
  if (context.flags.json) {
    printJson(context, { recommendations: results, monthly_saving_usd: total });
    return 0;
  }
  if (results.length === 0) {
    context.stdout('No EC2 workstations to rightsize.\n');
    return 0;
  }
  context.stdout(
    renderTextTable(results, [
      { header: 'WORKSTATION', value: (r) => r.workstation },
      { header: 'TYPE', value: (r) => r.current },
      {
        header: 'P95 CPU',
        value: (r) => (r.evidence.p95_cpu_percent === undefined ? '-' : `${r.evidence.p95_cpu_percent}%`),
        align: 'right',
      },
      {
        header: 'PEAK MEM',
        value: (r) =>
          r.evidence.peak_memory_percent === undefined ? 'n/a' : `${r.evidence.peak_memory_percent}%`,
        align: 'right',
      },
      { header: 'ADVICE', value: (r) => (r.recommended ? `${r.verdict} to ${r.recommended}` : r.verdict) },
      {
        header: '$/MONTH',
        value: (r) =>
          r.monthly_saving_usd === undefined
            ? '-'
            : r.monthly_saving_usd >= 0
              ? `-${formatUsd(r.monthly_saving_usd)}`
              : `+${formatUsd(-r.monthly_saving_usd)}`,
        align: 'right',
      },
      { header: 'WHY', value: (r) => r.reason },
    ]),
  );
  context.stdout(
    `Possible saving: ${formatUsd(total)}/month if running all month (apply one with: cws-tui resize <name> --type T)\n`,
  );
  if (results.some((r) => r.evidence.peak_memory_percent === undefined)) {
    context.stdout(
      'Memory is not measured without the CloudWatch agent: smaller types keep at least half the memory.\n',
    );
  }
  return 0;
});
