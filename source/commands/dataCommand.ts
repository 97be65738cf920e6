import { listDataSources } from '../core/analytics/listDataSources.js';
import { formatBytes } from '../core/text/formatBytes.js';
import { usageError } from './CliError.js';
import { runDataCrawl } from './dataCrawlCommand.js';
import { operationCommand, printJson } from './operations/operationCommand.js';
import { renderTextTable } from './output/renderTextTable.js';

/** `cws-tui data sources`: the S3 buckets the policy names and the catalog tables the profile may query. */
export const runDataCommand = operationCommand(async (context) => {
  const [sub, ...rest] = context.args;
  if (sub === 'crawl' && rest.length === 1 && rest[0]) return runDataCrawl(context, rest[0]);
  if (sub !== 'sources' || rest.length > 0)
    throw usageError(
      'usage: cws-tui data sources [--region R] [--json]\n       cws-tui data crawl s3://bucket/prefix/ [--database D] [--yes] [--json]',
    );
  const { session, flags } = context;
  const region = flags.region ?? session.info.region;
  const sources = await listDataSources(session.account.analytics.catalog, session.profile.policy, region);
  if (flags.json) {
    printJson(context, sources);
    return 0;
  }
  const patterns = sources.bucket_patterns;
  const buckets = patterns
    ? [
        patterns.allow ? `allowed ${patterns.allow.join(', ')}` : 'any',
        patterns.deny ? `denied ${patterns.deny.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; ')
    : 'any (the policy names none)';
  context.stdout(`S3 buckets: ${buckets}\n`);
  if (sources.results_location) context.stdout(`Query results: ${sources.results_location}\n`);
  if (sources.tables.length === 0) context.stdout(`No Data Catalog tables you may query in ${region}.\n`);
  else
    context.stdout(
      renderTextTable(sources.tables, [
        { header: 'DATABASE', value: (t) => t.database },
        { header: 'TABLE', value: (t) => t.name },
        { header: 'COLUMNS', value: (t) => String(t.columns.length), align: 'right' },
        {
          header: 'SIZE',
          value: (t) => (t.size_bytes === undefined ? '-' : formatBytes(t.size_bytes)),
          align: 'right',
        },
        { header: 'UPDATED', value: (t) => t.updated_at?.slice(0, 16).replace('T', ' ') ?? '-' },
        { header: 'LOCATION', value: (t) => t.location ?? '-' },
      ]),
    );
  for (const hidden of sources.hidden) context.stdout(`Not shown: ${hidden.database} (${hidden.reason})\n`);
  return 0;
});
