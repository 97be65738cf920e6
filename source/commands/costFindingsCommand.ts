import { formatUsd } from '../core/cost/formatUsd.js';
import type { CostFindings } from '../core/cost/listCostFindings.js';
import { sanitizeForTerminal } from '../core/text/sanitizeForTerminal.js';
import { usageError } from './CliError.js';
import type { CommandContext } from './Command.js';
import { openCommandSession } from './openCommandSession.js';

function renderText({ findings, monthly_saving_usd, unpriced }: CostFindings): string {
  if (findings.length === 0)
    return 'No cost findings: nothing idle, over-provisioned or left running without a limit.\n';
  const lines = findings.map(
    (finding) =>
      `${finding.monthly_saving_usd === undefined ? 'saving unknown' : `save ${formatUsd(finding.monthly_saving_usd)}/month`}  ${finding.service} ${sanitizeForTerminal(finding.resource)}: ${sanitizeForTerminal(finding.what)}\n  fix: ${sanitizeForTerminal(finding.fix)}`,
  );
  const rest = unpriced > 0 ? `, and ${unpriced} finding(s) whose saving is not known` : '';
  return `${lines.join('\n')}\n\n${findings.length} finding(s): up to ${formatUsd(monthly_saving_usd)}/month${rest}.\n`;
}

/**
 * `cws-tui cost findings [--json]`: every service's optimisation findings in one list, biggest
 * saving first. A service that cannot be read is said on stderr; the others still show.
 */
export async function runCostFindingsCommand(context: CommandContext): Promise<number> {
  if (context.args.length > 1)
    throw usageError(`cost findings takes no arguments, got "${context.args.slice(1).join(' ')}"`);
  const session = await openCommandSession(context);
  const [{ listCostFindings }, { COST_FINDING_SOURCES }] = await Promise.all([
    import('../core/cost/listCostFindings.js'),
    import('../core/cost/costFindingSources.js'),
  ]);
  const result = await listCostFindings(COST_FINDING_SOURCES, {
    account: session.account,
    regions: session.info.regions,
    now: new Date(),
    workstations: () => session.listWorkstations(),
  });
  for (const note of result.notes) context.stderr(`cws-tui: ${sanitizeForTerminal(note)}\n`);
  context.stdout(context.flags.json ? `${JSON.stringify(result, null, 2)}\n` : renderText(result));
  return 0;
}
