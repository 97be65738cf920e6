import { createHash } from 'node:crypto';
import { OperationError } from '../operations/OperationError.js';
import { evaluatePolicy } from '../policy/evaluatePolicy.js';
import type { Policy } from '../policy/policySchema.js';
import type { ResourceTags } from '../ports.js';
import type { DataPrepPort } from './dataPrepPorts.js';
import type { GlueCrawler, GlueCrawlMetrics } from './glueCrawlerPorts.js';
import type { CatalogTable, DataCatalogPort } from './ports.js';

export interface CrawlRequest {
  region: string;
  /** `s3://bucket/prefix/`: a folder, as Glue makes a table of each folder of like files. */
  s3_target: string;
  database: string;
  tags: ResourceTags;
}

export interface CrawlReport {
  crawler: string;
  created: boolean;
  outcome: 'SUCCEEDED' | 'CANCELLED' | 'FAILED' | 'TIMED-OUT';
  error?: string;
  metrics?: GlueCrawlMetrics;
  /** The database's tables under the crawled folder, as the catalog has them now. */
  tables: CatalogTable[];
  log_group?: string;
  log_stream?: string;
}

export interface CrawlFollowing {
  /** Called with the crawler's state each time it changes (RUNNING, STOPPING, READY). */
  onState?: (state: string) => void;
  sleep: (ms: number) => Promise<void>;
  intervalMs: number;
  timeoutMs: number;
}

const URI = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])\/(.*)$/;

/** The bucket and folder of an `s3://` folder URI, or why it is not one. */
export function parseCrawlTarget(uri: string): { bucket: string; key: string } {
  const match = URI.exec(uri);
  if (!match?.[1])
    throw new OperationError(
      'invalid',
      `'${uri}' is not an s3://bucket/prefix/ URI`,
      'Name a folder, e.g. s3://lab-data/raw/weather/.',
    );
  const key = match[2] ?? '';
  const last = key.replace(/\/+$/, '').split('/').at(-1) ?? '';
  if (!key.endsWith('/') && /\.[A-Za-z0-9]{1,8}$/.test(last))
    throw new OperationError(
      'invalid',
      `${uri} names a file; Glue crawls folders and makes a table of each`,
      `Crawl the folder it is in: s3://${match[1]}/${key.slice(0, key.length - last.length)}`,
    );
  return { bucket: match[1], key: key === '' || key.endsWith('/') ? key : `${key}/` };
}

/** The app's crawler for a folder: one per database and folder, so a second crawl reuses it. */
export function crawlerNameFor(database: string, target: string): string {
  const digest = createHash('sha256').update(`${database}|${target}`).digest('hex').slice(0, 10);
  const folder = (target.replace(/\/+$/, '').split('/').at(-1) ?? '').replace(/[^A-Za-z0-9_-]/g, '_');
  return `cws-crawl-${folder.slice(0, 60)}-${digest}`;
}

/** The policy's verdict on crawling: Glue allowed, the bucket and database allowed; denied otherwise. */
export function requireCrawlAllowed(policy: Policy, request: CrawlRequest, bucket: string): void {
  const verdict = evaluatePolicy(
    policy,
    {
      kind: 'analytics',
      service: 'glue',
      region: request.region,
      buckets: [bucket],
      databases: [request.database],
    },
    {},
  );
  if (!verdict.allowed)
    throw new OperationError(
      'denied',
      `the policy does not allow this crawl: ${verdict.violations.map((v) => v.message).join('; ')}`,
      'Ask the lab admin to allow glue in analytics.services and this bucket and database.',
    );
}

async function follow(
  glue: DataPrepPort['glue'],
  region: string,
  name: string,
  before: string | undefined,
  following: CrawlFollowing,
): Promise<GlueCrawler | undefined> {
  let last = '';
  for (let waited = 0; waited <= following.timeoutMs; waited += following.intervalMs) {
    const crawler = await glue.getCrawler(region, name);
    if (crawler && crawler.state !== last) {
      last = crawler.state;
      following.onState?.(crawler.state);
    }
    // Done once it is READY with a crawl newer than the one before ours.
    if (crawler?.state === 'READY' && crawler.last_crawl && crawler.last_crawl.started_at !== before)
      return crawler;
    await following.sleep(following.intervalMs);
  }
  return undefined;
}

/**
 * Crawls an S3 folder into the Data Catalog: the policy's verdict first, then the crawler (made
 * with its least-privilege role when missing, reused when there), one crawl started or the one under
 * way followed to its end, and what it did to the catalog.
 */
export async function crawlDataset(
  dataprep: DataPrepPort,
  catalog: DataCatalogPort,
  policy: Policy,
  request: CrawlRequest,
  following: CrawlFollowing,
): Promise<CrawlReport> {
  const location = parseCrawlTarget(request.s3_target);
  requireCrawlAllowed(policy, request, location.bucket);
  const target = `s3://${location.bucket}/${location.key}`;
  const name = crawlerNameFor(request.database, target);
  const { glue, roles } = dataprep;
  let crawler = await glue.getCrawler(request.region, name);
  const created = crawler === undefined;
  if (!crawler) {
    const role = await roles.ensureGlueCrawlerRole(location);
    await glue.ensureDatabase(request.region, request.database, request.tags);
    await glue.createCrawler(request.region, {
      name,
      database: request.database,
      s3_target: target,
      role_arn: role,
      tags: request.tags,
    });
  }
  crawler = await glue.getCrawler(request.region, name);
  const before = crawler?.state === 'READY' ? crawler.last_crawl?.started_at : undefined;
  if (crawler?.state === 'READY') await glue.startCrawler(request.region, name);
  const done = await follow(glue, request.region, name, before, following);
  const tables = (await catalog.listTables(request.region, request.database)).filter((t) =>
    t.location?.startsWith(target),
  );
  if (!done) return { crawler: name, created, outcome: 'TIMED-OUT', tables };
  const report: CrawlReport = {
    crawler: name,
    created,
    outcome: done.last_crawl?.outcome ?? 'SUCCEEDED',
    metrics: await glue.crawlMetrics(request.region, name),
    tables,
  };
  if (done.last_crawl?.error) report.error = done.last_crawl.error;
  if (done.last_crawl?.log_group) report.log_group = done.last_crawl.log_group;
  if (done.last_crawl?.log_stream) report.log_stream = done.last_crawl.log_stream;
  return report;
}
