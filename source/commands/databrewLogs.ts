import type { DataBrewJobRun } from '../core/analytics/dataBrewPorts.js';
import { sanitizeForTerminal as safe } from '../core/text/sanitizeForTerminal.js';
import type { OperationCommandContext } from './operations/operationCommand.js';

/** DataBrew's log group when a run names none. */
export const DATABREW_LOG_GROUP = '/aws-glue-databrew/jobs';
const LOG_LINES = 50;

/**
 * A run's log lines from CloudWatch Logs: the streams named after the run id, else those named
 * after the job (DataBrew has used both), newest last; says so when there are none yet.
 */
export async function printDataBrewLogs(
  context: OperationCommandContext,
  region: string,
  run: DataBrewJobRun,
): Promise<void> {
  const logs = context.session.account.analytics.dataprep.logs;
  const group = run.log_group ?? DATABREW_LOG_GROUP;
  let lines = await logs.tail(region, group, run.run_id, LOG_LINES);
  if (lines.length === 0) lines = await logs.tail(region, group, run.job, LOG_LINES);
  if (lines.length === 0) {
    context.stdout(`No log lines yet in ${group} for run ${run.run_id}.\n`);
    return;
  }
  context.stdout(`Log (${group}):\n`);
  for (const line of lines)
    context.stdout(`  ${line.at.slice(0, 19).replace('T', ' ')} ${safe(line.message)}\n`);
}
