import { setTimeout as sleep } from 'node:timers/promises';
import { BigDataError } from '../core/bigdata/BigDataError.js';
import { serverlessRates } from '../core/bigdata/emrPricing.js';
import { findSparkApplication } from '../core/bigdata/findSparkApplication.js';
import { jobRunCost } from '../core/bigdata/jobRunCost.js';
import { jobRunLogs } from '../core/bigdata/jobRunLogs.js';
import { cancelRefusal, isFinalJobRunState } from '../core/bigdata/jobRunStates.js';
import type { JobRun, SparkApplication } from '../core/bigdata/ports.js';
import { submitJobRun } from '../core/bigdata/submitJobRun.js';
import { waitForJobRun } from '../core/bigdata/waitForJobRun.js';
import { osc8Hyperlink } from '../core/connect/osc8Hyperlink.js';
import { formatUsd } from '../core/cost/formatUsd.js';
import { sanitizeForTerminal } from '../core/text/sanitizeForTerminal.js';
import { bigDataContextOf, bigDataRegions } from './bigdataSession.js';
import { EXIT, usageError } from './CliError.js';
import type { CommandContext } from './Command.js';
import { openCommandSession } from './openCommandSession.js';
import { renderTextTable } from './output/renderTextTable.js';

type RunSub = 'submit' | 'runs' | 'logs' | 'cancel' | 'ui';

const POLL_MS = 5000;

/** A run as `--json` prints it, with its cost once it has ended. */
export function runJson(application: SparkApplication, run: JobRun) {
  const cost = jobRunCost(run, serverlessRates(application.region, application.architecture));
  return { ...run, usd: cost ?? null };
}

function duration(run: JobRun): string {
  if (run.duration_seconds !== undefined) return `${Math.round(run.duration_seconds)}s`;
  return isFinalJobRunState(run.state) ? '-' : 'running';
}

function costText(application: SparkApplication, run: JobRun): string {
  const cost = jobRunCost(run, serverlessRates(application.region, application.architecture));
  return cost === undefined ? '-' : formatUsd(cost);
}

/** `bigdata submit|runs|logs|cancel|ui`: the job runs of one application. */
export async function runBigdataRunCommand(
  context: CommandContext,
  sub: RunSub,
  rest: string[],
): Promise<number> {
  const [appName, second, ...extra] = rest;
  if (sub === 'submit') {
    if (!appName || !second || extra.length > 0)
      throw usageError(
        'usage: cws-tui bigdata submit <app> <entry.py|entry.jar|s3://...> [--args A]... [--conf k=v]...',
      );
    return submit(context, appName, second);
  }
  const needsRun = sub !== 'runs';
  if (!appName || (needsRun && !second) || (!needsRun && second) || extra.length > 0)
    throw usageError(`usage: cws-tui bigdata ${sub} <app>${needsRun ? ' <run>' : ''} [--json]`);
  const session = await openCommandSession(context);
  const serverless = session.account.bigdata.serverless;
  const application = await findSparkApplication(serverless, bigDataRegions(context, session), appName);
  if (sub === 'runs')
    return listRuns(context, application, await serverless.listJobRuns(application.region, application.id));
  const run = await serverless.getJobRun(application.region, application.id, second!);
  if (sub === 'cancel') {
    const refusal = cancelRefusal(run.state);
    if (refusal) throw new BigDataError('input', `cannot cancel ${run.id}: ${refusal}`);
    await serverless.cancelJobRun(application.region, application.id, run.id);
    context.stdout(
      context.flags.json
        ? `${JSON.stringify({ id: run.id, action: 'cancel' })}\n`
        : `Cancelling ${run.id}.\n`,
    );
    return EXIT.ok;
  }
  if (sub === 'ui') {
    const url = await serverless.dashboardUrl(application.region, application.id, run.id);
    if (context.flags.json) context.stdout(`${JSON.stringify({ id: run.id, spark_ui: url })}\n`);
    else
      (context.terminalStdout ?? context.stdout)(
        `Spark UI of ${run.id} (valid for an hour): ${osc8Hyperlink(url)}\n`,
      );
    return EXIT.ok;
  }
  return printLogs(context, application, run, session.account.bigdata.staging);
}

async function submit(context: CommandContext, appName: string, entry: string): Promise<number> {
  const session = await openCommandSession(context);
  const { flags } = context;
  const submitted = await submitJobRun(bigDataContextOf(session), {
    application: appName,
    regions: bigDataRegions(context, session),
    entry,
    args: flags.args,
    conf: flags.conf,
    data_buckets: flags.bucket,
    ...(flags.attempts !== undefined ? { max_attempts: flags.attempts } : {}),
  });
  const { application, run_id: runId } = submitted;
  if (!flags.json)
    context.stdout(
      `Submitted ${submitted.prepared.name} as run ${runId} on ${application.name} (script at ${submitted.prepared.entry_point}).\n`,
    );
  if (!flags.follow) {
    if (flags.json)
      context.stdout(
        `${JSON.stringify({ application: application.name, run_id: runId, ...submitted.prepared, upload: undefined })}\n`,
      );
    else
      context.stdout(
        `Watch it: cws-tui bigdata runs ${application.name}   Logs: cws-tui bigdata logs ${application.name} ${runId}\n`,
      );
    return EXIT.ok;
  }
  const serverless = session.account.bigdata.serverless;
  const ended = await waitForJobRun(
    serverless,
    { region: application.region, application_id: application.id, id: runId },
    {
      intervalMs: POLL_MS,
      sleep: (ms) => sleep(ms),
      onState: (run) => {
        if (!flags.json)
          context.stderr(
            `  ${run.state}${run.state_details ? `: ${sanitizeForTerminal(run.state_details)}` : ''}\n`,
          );
      },
    },
  );
  return printLogs(context, application, ended, session.account.bigdata.staging);
}

function listRuns(context: CommandContext, application: SparkApplication, runs: JobRun[]): number {
  if (context.flags.json) {
    context.stdout(
      `${JSON.stringify(
        runs.map((run) => runJson(application, run)),
        null,
        2,
      )}\n`,
    );
    return EXIT.ok;
  }
  if (runs.length === 0) {
    context.stdout(
      `No runs on ${application.name}. Submit one with: cws-tui bigdata submit ${application.name} <script.py>\n`,
    );
    return EXIT.ok;
  }
  context.stdout(
    renderTextTable(runs, [
      { header: 'RUN', value: (run) => run.id },
      { header: 'NAME', value: (run) => run.name },
      { header: 'STATE', value: (run) => run.state },
      { header: 'CREATED', value: (run) => run.created_at.replace(/\.\d+Z$/, 'Z') },
      { header: 'DURATION', value: duration },
    ]),
  );
  return EXIT.ok;
}

async function printLogs(
  context: CommandContext,
  application: SparkApplication,
  run: JobRun,
  staging: Parameters<typeof jobRunLogs>[0],
): Promise<number> {
  const logs = await jobRunLogs(staging, application.region, run);
  const failed = run.state === 'FAILED';
  if (context.flags.json) {
    context.stdout(`${JSON.stringify({ run: runJson(application, run), logs }, null, 2)}\n`);
    return failed ? EXIT.error : EXIT.ok;
  }
  const lines = [
    `${run.name || run.id} (${run.id}): ${run.state}, ${duration(run)}, cost ${costText(application, run)}`,
  ];
  if (run.billed)
    lines.push(
      `  billed ${run.billed.vcpu_hours.toFixed(3)} vCPU-h, ${run.billed.memory_gb_hours.toFixed(3)} GB-h, ${run.billed.storage_gb_hours.toFixed(3)} storage GB-h`,
    );
  if (logs.stdout) lines.push('--- driver stdout', logs.stdout.trimEnd());
  if (failed) lines.push('--- driver errors', ...logs.error_lines);
  else if (logs.stderr && context.flags.all) lines.push('--- driver stderr', logs.stderr.trimEnd());
  for (const note of logs.notes) lines.push(`(${note})`);
  context.stdout(`${sanitizeForTerminal(lines.join('\n'), { keepNewlines: true })}\n`);
  return failed ? EXIT.error : EXIT.ok;
}
