import type { DemoAnalyticsState, DemoCrawlerRecord } from './DemoAnalyticsStore.js';
import { DEMO_TABLES, type DemoTable } from './demoCatalog.js';

/** Seconds a demo crawl spends running, then stopping, at realistic pace (speed 1). */
export const DEMO_CRAWL_RUNNING_SECONDS = 40;
export const DEMO_CRAWL_STOPPING_SECONDS = 5;
/** The demo lab bucket: a crawler's role may read it; any other bucket fails as access denied. */
export const DEMO_LAB_BUCKET = 's3://cws-demo-lab/';

/** Glue's table name for a folder: its last segment, lower case, other characters as `_`. */
export function crawledTableName(target: string): string {
  const segment = target.replace(/\/+$/, '').split('/').at(-1) ?? '';
  return segment.toLowerCase().replace(/[^a-z0-9_]/g, '_');
}

const stem = (uri: string) =>
  (uri.replace(/\/+$/, '').split('/').at(-1) ?? '').replace(/\.[^.]*$/, '').toLowerCase();

/**
 * The sample table a crawled folder holds: a DataBrew job's output holds its dataset's data, a
 * folder under a sample's location holds that sample, and a folder named like a sample is one.
 */
function sampleOf(state: DemoAnalyticsState, crawler: DemoCrawlerRecord): DemoTable | undefined {
  const job = state.brew_jobs.find((j) => j.output_uri === crawler.s3_target && j.region === crawler.region);
  const dataset = job && state.datasets.find((d) => d.name === job.dataset && d.region === crawler.region);
  const name = stem(dataset?.s3_uri ?? crawler.s3_target);
  return (
    DEMO_TABLES.find((t) => t.location && crawler.s3_target.startsWith(t.location)) ??
    DEMO_TABLES.find((t) => name !== '' && (t.name.startsWith(name) || name.startsWith(t.name)))
  );
}

/** When the crawl that started at `started` ends (ms). */
export function crawlEnd(started: number, speed: number): number {
  return started + (DEMO_CRAWL_RUNNING_SECONDS + DEMO_CRAWL_STOPPING_SECONDS) * 1000 * speed;
}

/** The crawler's table once a crawl has finished: the sample's rows, under the crawled folder. */
export function crawledTable(
  state: DemoAnalyticsState,
  crawler: DemoCrawlerRecord,
  now: number,
  speed: number,
): DemoTable | undefined {
  if (!crawler.s3_target.startsWith(DEMO_LAB_BUCKET)) return undefined;
  const finished = crawler.crawls.filter((started) => crawlEnd(started, speed) <= now);
  const last = finished.at(-1);
  const sample = sampleOf(state, crawler);
  if (last === undefined || !sample) return undefined;
  return {
    ...sample,
    database: crawler.database,
    name: crawledTableName(crawler.s3_target),
    location: crawler.s3_target,
    updated_at: new Date(crawlEnd(last, speed)).toISOString(),
  };
}

/** Every crawled table of a region, as the demo catalog lists them. */
export function demoCrawledTables(
  state: DemoAnalyticsState,
  region: string,
  now: number,
  speed: number,
): DemoTable[] {
  return state.crawlers
    .filter((crawler) => crawler.region === region)
    .flatMap((crawler) => crawledTable(state, crawler, now, speed) ?? []);
}
