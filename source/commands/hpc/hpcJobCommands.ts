import { readFile, stat } from 'node:fs/promises';
import { hourlyPrice } from '../../core/cost/priceTable.js';
import { jobCost } from '../../core/hpc/jobCost.js';
import { cancelJob, findCluster, jobHistory, listJobs } from '../../core/hpc/slurmOnCluster.js';
import { MAX_JOB_SCRIPT_BYTES } from '../../core/hpc/slurmScripts.js';
import { submitJob } from '../../core/hpc/submitJob.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import { usageError } from '../CliError.js';
import type { CommandContext } from '../Command.js';
import { renderTextTable } from '../output/renderTextTable.js';
import { openHpcSession } from './hpcCommandContext.js';

export async function jobsCommand(context: CommandContext, name: string): Promise<number> {
  const { hpc, region } = await openHpcSession(context);
  const cluster = await findCluster(hpc, region, name);
  const jobs = await listJobs(hpc, cluster, {
    ...(context.flags.user ? { user: context.flags.user } : {}),
    ...(context.flags.state ? { state: context.flags.state } : {}),
  });
  if (context.flags.json) context.stdout(`${JSON.stringify(jobs, null, 2)}\n`);
  else if (jobs.length === 0) context.stdout('No jobs in the queue.\n');
  else
    context.stdout(
      renderTextTable(jobs, [
        { header: 'JOB', value: (j) => j.job_id },
        { header: 'USER', value: (j) => j.user },
        { header: 'STATE', value: (j) => j.state },
        { header: 'QUEUE', value: (j) => j.partition },
        { header: 'NODES', value: (j) => String(j.nodes), align: 'right' },
        {
          header: 'TIME',
          value: (j) => `${Math.floor(j.time_used_seconds / 60)}m${j.time_used_seconds % 60}s`,
          align: 'right',
        },
        { header: 'WHERE / WHY', value: (j) => sanitizeForTerminal(j.node_list || j.reason) },
        { header: 'NAME', value: (j) => sanitizeForTerminal(j.name) },
      ]),
    );
  return 0;
}

export async function submitCommand(
  context: CommandContext,
  name: string,
  scriptPath: string,
  sbatchArgs: string[],
): Promise<number> {
  const info = await stat(scriptPath).catch(() => undefined);
  if (!info) throw usageError(`${sanitizeForTerminal(scriptPath)}: no such file`);
  if (!info.isFile())
    throw usageError(`${sanitizeForTerminal(scriptPath)} is not a file: give the job script itself`);
  if (info.size > MAX_JOB_SCRIPT_BYTES)
    throw usageError(
      `${sanitizeForTerminal(scriptPath)} is ${info.size} bytes, more than the ${MAX_JOB_SCRIPT_BYTES} bytes (48 KiB) a job script may have: read inputs from shared storage instead`,
    );
  const { hpc, region } = await openHpcSession(context);
  const cluster = await findCluster(hpc, region, name);
  const jobId = await submitJob(hpc, cluster, {
    file_name: scriptPath,
    content: await readFile(scriptPath),
    ...(context.flags.partition ? { partition: context.flags.partition } : {}),
    ...(context.flags.nodes !== undefined ? { nodes: context.flags.nodes } : {}),
    ...(context.flags.time ? { time: context.flags.time } : {}),
    sbatch_args: sbatchArgs,
  });
  if (context.flags.json) context.stdout(`${JSON.stringify({ cluster: name, job_id: jobId }, null, 2)}\n`);
  else context.stdout(`Submitted job ${jobId} to ${name}. Watch it: cws-tui hpc jobs ${name}\n`);
  return 0;
}

export async function cancelCommand(context: CommandContext, name: string, jobId: string): Promise<number> {
  const { hpc, region } = await openHpcSession(context);
  const cluster = await findCluster(hpc, region, name);
  await cancelJob(hpc, cluster, jobId);
  await hpc.ops.audit({
    action: 'hpc.cancel',
    profile: hpc.ops.profile.name,
    targets: [name],
    job_id: jobId,
  });
  if (context.flags.json)
    context.stdout(`${JSON.stringify({ cluster: name, job_id: jobId, cancelled: true }, null, 2)}\n`);
  else context.stdout(`Cancelled ${jobId} on ${name}.\n`);
  return 0;
}

/** `--since 2026-12-01`, `--since 2d`/`12h`; the last day by default. */
export function sinceOf(value: string | undefined, now = Date.now()): string {
  if (!value) return new Date(now - 86_400_000).toISOString().slice(0, 19);
  const relative = /^(\d+)([dh])$/.exec(value);
  if (relative)
    return new Date(now - Number(relative[1]) * (relative[2] === 'd' ? 86_400_000 : 3_600_000))
      .toISOString()
      .slice(0, 19);
  if (!Number.isNaN(Date.parse(value))) return new Date(Date.parse(value)).toISOString().slice(0, 19);
  throw usageError(`--since '${sanitizeForTerminal(value)}' is not a date (2026-12-01) or a span (2d, 12h)`);
}

export async function historyCommand(context: CommandContext, name: string): Promise<number> {
  const since = sinceOf(context.flags.since);
  const { hpc, region } = await openHpcSession(context);
  const cluster = await findCluster(hpc, region, name);
  const records = await jobHistory(hpc, cluster, since, context.flags.user);
  const rows = records.map((record) => ({
    ...record,
    cost: jobCost(
      record,
      cluster.config,
      (type) => hourlyPrice(type, region, { catalog: hpc.ops.prices })?.usd_per_hour,
    ),
  }));
  const total = rows.reduce((sum, row) => sum + (row.cost.usd ?? 0), 0);
  if (context.flags.json) {
    context.stdout(
      `${JSON.stringify({ since, jobs: rows.map(({ cost, ...record }) => ({ ...record, usd: cost.usd ?? null, cost_note: cost.note })), total_usd: total }, null, 2)}\n`,
    );
    return 0;
  }
  if (rows.length === 0) {
    context.stdout(`No jobs since ${since}.\n`);
    return 0;
  }
  context.stdout(
    renderTextTable(rows, [
      { header: 'JOB', value: (r) => r.job_id },
      { header: 'USER', value: (r) => r.user },
      { header: 'STATE', value: (r) => r.state },
      { header: 'EXIT', value: (r) => r.exit_code },
      { header: 'QUEUE', value: (r) => r.partition },
      { header: 'NODES', value: (r) => String(r.nodes), align: 'right' },
      { header: 'ELAPSED', value: (r) => `${Math.round(r.elapsed_seconds)}s`, align: 'right' },
      {
        header: 'COST',
        value: (r) => (r.cost.usd === undefined ? '?' : `$${r.cost.usd.toFixed(4)}`),
        align: 'right',
      },
      { header: 'NAME', value: (r) => sanitizeForTerminal(r.name) },
    ]),
  );
  context.stdout(
    `Total: $${total.toFixed(4)} for ${rows.length} job(s) since ${since} (elapsed × nodes × the queue's instance price).\n`,
  );
  return 0;
}
