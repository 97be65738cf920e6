import { setTimeout as sleep } from 'node:timers/promises';
import { crawlDataset, parseCrawlTarget } from '../core/analytics/crawlDataset.js';
import {
  GLUE_CRAWL_MINIMUM_USD,
  GLUE_CRAWLER_USD_PER_DPU_HOUR,
  glueCrawlCost,
} from '../core/analytics/glueCrawlCost.js';
import { OperationError } from '../core/operations/OperationError.js';
import { CliError, EXIT } from './CliError.js';
import { confirm, type OperationCommandContext, printJson } from './operations/operationCommand.js';

/** The database crawled tables go to when `--database` names none. */
export const DEFAULT_CRAWL_DATABASE = 'cws_crawled';
const DATABASE = /^[a-z0-9_]{1,255}$/;
const POLL_MS = 5_000;
const TIMEOUT_MS = 30 * 60_000;
const LOG_LINES = 10;

/**
 * `cws-tui data crawl s3://bucket/prefix/ [--database D] [--yes]`: a Glue crawler makes the folder's
 * files a table Athena can query; priced and confirmed first, followed to its end, its tables and
 * (when it failed) its log printed.
 */
export async function runDataCrawl(context: OperationCommandContext, uri: string): Promise<number> {
  const { session, flags } = context;
  const region = flags.region ?? session.info.region;
  const database = flags.database ?? DEFAULT_CRAWL_DATABASE;
  if (!DATABASE.test(database))
    throw new OperationError(
      'invalid',
      `'${database}' is not a Glue database name for Athena`,
      'Use lower-case letters, digits and _.',
    );
  parseCrawlTarget(uri);
  await confirm(
    context,
    `Crawl ${uri} into the database ${database}? Glue bills $${GLUE_CRAWLER_USD_PER_DPU_HOUR} per DPU-hour, per second with a 10-minute minimum (at least $${GLUE_CRAWL_MINIMUM_USD.toFixed(3)}).`,
  );
  const project = flags.project ?? session.profile.project;
  const report = await crawlDataset(
    session.account.analytics.dataprep,
    session.account.analytics.catalog,
    session.profile.policy,
    {
      region,
      s3_target: uri,
      database,
      tags: {
        'cws:managed': 'true',
        'cws:profile': session.profile.name,
        ...(project ? { 'cws:project': project } : {}),
      },
    },
    {
      sleep: (ms) => sleep(ms),
      intervalMs: POLL_MS,
      timeoutMs: TIMEOUT_MS,
      onState: (state) => {
        if (!flags.json) context.stderr(`Crawler: ${state}\n`);
      },
    },
  );
  const cost = report.metrics?.dpu_hours === undefined ? undefined : glueCrawlCost(report.metrics.dpu_hours);
  if (flags.json) {
    printJson(context, { ...report, ...(cost !== undefined ? { cost_usd: cost } : {}) });
    return report.outcome === 'SUCCEEDED' ? 0 : EXIT.error;
  }
  if (report.outcome === 'TIMED-OUT')
    throw new CliError(
      `crawler ${report.crawler} is still running after ${TIMEOUT_MS / 60_000} minutes: run the same command again to keep following it`,
    );
  const m = report.metrics;
  context.stdout(
    `Crawler ${report.crawler} (${report.created ? 'created' : 'reused'}): ${report.outcome}` +
      (m ? `, ${m.tables_created} tables created, ${m.tables_updated} updated` : '') +
      (m?.last_runtime_seconds !== undefined ? `, ${Math.round(m.last_runtime_seconds)} s` : '') +
      (cost !== undefined ? `, ${m?.dpu_hours?.toFixed(3)} DPU-hours, cost $${cost.toFixed(4)}` : '') +
      '\n',
  );
  for (const table of report.tables)
    context.stdout(
      `  ${table.database}.${table.name} (${table.columns.length} columns) at ${table.location ?? '-'}\n`,
    );
  if (report.outcome === 'SUCCEEDED') {
    if (report.tables[0])
      context.stdout(
        `Query it: cws-tui athena query "SELECT * FROM ${report.tables[0].database}.${report.tables[0].name} LIMIT 10"\n`,
      );
    else context.stdout(`No table under ${uri}: Glue found no files it could classify there.\n`);
    return 0;
  }
  context.stdout(`Error: ${report.error ?? 'the crawl did not succeed'}\n`);
  if (report.log_group) {
    const lines = await session.account.analytics.dataprep.logs.tail(
      region,
      report.log_group,
      report.log_stream ?? report.crawler,
      LOG_LINES,
    );
    context.stdout(`Log (${report.log_group}, ${report.log_stream ?? report.crawler}):\n`);
    for (const line of lines) context.stdout(`  ${line.at.slice(11, 19)} ${line.message}\n`);
  }
  return EXIT.error;
}
