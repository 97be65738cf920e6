import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { athenaQueryCost } from '../core/analytics/athenaQueryCost.js';
import { defaultResultsLocation, workgroupName } from '../core/analytics/athenaWorkgroupSettings.js';
import { type AthenaScope, prepareAthenaQuery } from '../core/analytics/prepareAthenaQuery.js';
import { QUERY_OUTPUTS, type QueryOutput } from '../core/analytics/queryRowsOutput.js';
import { runAthenaQuery } from '../core/analytics/runAthenaQuery.js';
import { formatUsd } from '../core/cost/formatUsd.js';
import { formatBytes } from '../core/text/formatBytes.js';
import { CliError, EXIT, usageError } from './CliError.js';
import { type OperationCommandContext, operationCommand, printJson } from './operations/operationCommand.js';
import { printQueryResults } from './output/printQueryResults.js';
import { renderTextTable } from './output/renderTextTable.js';

const USAGE = [
  'usage: cws-tui athena query "<sql>" [--workgroup W] [--database D] [--output table|csv|json]',
  '       cws-tui athena workgroup | history [--workgroup W] [--json] | cancel <query-id>',
].join('\n');

export async function scopeOf(context: OperationCommandContext): Promise<AthenaScope> {
  const { session, flags } = context;
  const now = new Date();
  const project = flags.project ?? session.profile.project;
  const region = flags.region ?? session.info.region;
  const fallback = session.profile.policy.analytics
    ? undefined
    : await defaultResultsLocation(session.account, region);
  return {
    policy: session.profile.policy,
    profile: session.profile.name,
    region,
    ...(fallback ? { default_results_location: fallback } : {}),
    month_start: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString(),
    ...(project ? { project } : {}),
    ...(flags.workgroup ? { workgroup: flags.workgroup } : {}),
    ...(flags.database ? { database: flags.database } : {}),
  };
}

/** "Data scanned: 48.0 MB, cost $0.00 ($5/TB, 10 MB minimum)". */
export function scannedLine(bytes: number): string {
  const cost = athenaQueryCost(bytes);
  const precise = cost > 0 && cost < 0.01 ? `$${cost.toFixed(6)}` : formatUsd(cost);
  return `Data scanned: ${formatBytes(bytes)}, cost ${precise} (Athena $5 per TB, 10 MB minimum)`;
}

async function query(context: OperationCommandContext, sql: string): Promise<number> {
  const output = (context.flags.output ?? 'table') as QueryOutput;
  if (!QUERY_OUTPUTS.includes(output))
    throw usageError(`--output is one of ${QUERY_OUTPUTS.join(', ')}, not '${output}'`);
  if (sql.trim() === '') throw usageError('the query is empty');
  const scope = await scopeOf(context);
  const athena = context.session.account.analytics.athena;
  const prepared = await prepareAthenaQuery(athena, scope);
  const outcome = await runAthenaQuery(
    athena,
    scope.region,
    {
      sql,
      workgroup: prepared.workgroup.name,
      client_token: randomUUID(),
      ...(scope.database ? { database: scope.database } : {}),
    },
    {
      wait: (ms) => sleep(ms),
      ...(prepared.workgroup.bytes_scanned_cutoff !== undefined
        ? { bytes_scanned_cutoff: prepared.workgroup.bytes_scanned_cutoff }
        : {}),
    },
  );
  const { query: done } = outcome;
  // Data goes to stdout; the scan and cost to stderr for csv/json, so a pipe gets only the data.
  const note = (text: string) => (output === 'table' ? context.stdout(text) : context.stderr(text));
  if (done.state === 'FAILED') {
    throw new CliError(`Athena query ${done.id} failed: ${outcome.error}\n${scannedLine(0)}`, EXIT.error);
  }
  if (outcome.cancelled_by_limit) {
    throw new CliError(
      `Athena cancelled query ${done.id} at the workgroup's limit of ${formatBytes(prepared.workgroup.bytes_scanned_cutoff ?? 0)} per query (the policy's analytics.max_bytes_per_query).\n` +
        `${scannedLine(done.bytes_scanned)}\n  Select fewer columns, filter on partitions, or ask for a higher limit.`,
    );
  }
  if (done.state === 'CANCELLED')
    throw new CliError(
      `Athena query ${done.id} was cancelled: ${done.state_reason ?? ''}\n${scannedLine(done.bytes_scanned)}`,
    );
  const rows = await printQueryResults(context.stdout, output, (token) =>
    athena.getResultsPage(scope.region, done.id, { max_rows: 1000, ...(token ? { token } : {}) }),
  );
  note(
    `${rows} row${rows === 1 ? '' : 's'}. ${scannedLine(done.bytes_scanned)}\nQuery ${done.id} in workgroup ${done.workgroup}\n`,
  );
  return 0;
}

async function history(context: OperationCommandContext): Promise<number> {
  const scope = await scopeOf(context);
  const workgroup = scope.workgroup ?? workgroupName(scope);
  const queries = await context.session.account.analytics.athena.listQueries(scope.region, workgroup, 50);
  if (context.flags.json) {
    printJson(
      context,
      queries.map((q) => ({ ...q, cost_usd: q.state === 'FAILED' ? 0 : athenaQueryCost(q.bytes_scanned) })),
    );
    return 0;
  }
  if (queries.length === 0) {
    context.stdout(`No queries in workgroup ${workgroup} (${scope.region}).\n`);
    return 0;
  }
  context.stdout(
    renderTextTable(queries, [
      { header: 'QUERY ID', value: (q) => q.id },
      { header: 'STATE', value: (q) => q.state },
      { header: 'SCANNED', value: (q) => formatBytes(q.bytes_scanned), align: 'right' },
      {
        header: 'COST',
        value: (q) => (q.state === 'FAILED' ? '$0.00' : `$${athenaQueryCost(q.bytes_scanned).toFixed(4)}`),
        align: 'right',
      },
      { header: 'SUBMITTED', value: (q) => q.submitted_at?.slice(0, 19).replace('T', ' ') ?? '-' },
      { header: 'SQL', value: (q) => q.sql.replace(/\s+/g, ' ').slice(0, 60) },
    ]),
  );
  return 0;
}

/** `cws-tui athena query|history|cancel|workgroup`: SQL over the lab's data, each query priced. */
export const runAthenaCommand = operationCommand(async (context) => {
  const [sub, ...rest] = context.args;
  switch (sub) {
    case 'query': {
      if (rest.length !== 1) throw usageError(`${USAGE}\n(quote the SQL as one argument)`);
      return query(context, rest[0] ?? '');
    }
    case 'history':
      if (rest.length > 0) throw usageError(USAGE);
      return history(context);
    case 'cancel': {
      const [id, ...extra] = rest;
      if (!id || extra.length > 0) throw usageError(USAGE);
      const scope = await scopeOf(context);
      const athena = context.session.account.analytics.athena;
      const found = await athena.getQuery(scope.region, id);
      if (found.state !== 'QUEUED' && found.state !== 'RUNNING') {
        throw new CliError(`query ${id} has already finished (${found.state}): nothing to cancel`);
      }
      await athena.cancelQuery(scope.region, id);
      if (context.flags.json) printJson(context, { id, cancelled: true, bytes_scanned: found.bytes_scanned });
      else context.stdout(`Cancelled query ${id}. ${scannedLine(found.bytes_scanned)} so far (charged).\n`);
      return 0;
    }
    case 'workgroup': {
      if (rest.length > 0) throw usageError(USAGE);
      const prepared = await prepareAthenaQuery(
        context.session.account.analytics.athena,
        await scopeOf(context),
      );
      const w = prepared.workgroup;
      if (context.flags.json) printJson(context, w);
      else
        context.stdout(
          `Workgroup ${w.name}: results in ${w.output_location ?? '?'} (encrypted, enforced), ` +
            `${w.bytes_scanned_cutoff === undefined ? 'no per-query limit' : `cancels a query past ${formatBytes(w.bytes_scanned_cutoff)} scanned`}.\n`,
        );
      return 0;
    }
    default:
      throw usageError(USAGE);
  }
});
