import type {
  GlueCrawlCharge,
  GlueCrawler,
  GlueCrawlerPort,
  GlueCrawlerSpec,
  GlueCrawlMetrics,
} from '../../../core/analytics/glueCrawlerPorts.js';
import { CloudError } from '../../../core/CloudError.js';
import type { DemoAnalyticsStore, DemoCrawlerRecord } from './DemoAnalyticsStore.js';
import {
  crawlEnd,
  crawledTable,
  DEMO_CRAWL_RUNNING_SECONDS,
  DEMO_CRAWL_STOPPING_SECONDS,
  DEMO_LAB_BUCKET,
} from './demoCrawledTables.js';

/** Glue bills a crawl's DPUs with a 10-minute minimum; a small demo folder needs one DPU. */
const DEMO_CRAWL_DPU_HOURS = 1 / 6;

function notFound(name: string): CloudError {
  return new CloudError({
    kind: 'not-found',
    code: 'EntityNotFoundException',
    message: `Glue: Crawler entry with name ${name} does not exist`,
    hint: '`cws-tui data crawl s3://bucket/prefix/` creates the crawler; `cws-tui data sources` lists the catalog.',
  });
}

/** Glue crawlers on the demo account: in the demo state dir, each crawl running, stopping, then ready. */
export class DemoGlueCrawlers implements GlueCrawlerPort {
  constructor(
    private readonly store: DemoAnalyticsStore,
    private readonly speed: number,
    private readonly now: () => number = Date.now,
  ) {}

  private view(record: DemoCrawlerRecord): GlueCrawler {
    const now = this.now();
    const crawler: GlueCrawler = {
      name: record.name,
      state: 'READY',
      database: record.database,
      s3_targets: [record.s3_target],
      role: record.role,
    };
    const started = record.crawls.at(-1);
    if (started === undefined) return crawler;
    const elapsed = now - started;
    if (elapsed < DEMO_CRAWL_RUNNING_SECONDS * 1000 * this.speed) return { ...crawler, state: 'RUNNING' };
    if (now < crawlEnd(started, this.speed)) return { ...crawler, state: 'STOPPING' };
    const readable = record.s3_target.startsWith(DEMO_LAB_BUCKET);
    const log = { log_group: '/aws-glue/crawlers', log_stream: record.name };
    return {
      ...crawler,
      last_crawl: readable
        ? { outcome: 'SUCCEEDED', started_at: new Date(started).toISOString(), ...log }
        : {
            outcome: 'FAILED',
            started_at: new Date(started).toISOString(),
            error: `Service Principal: glue.amazonaws.com is not authorized to perform: s3:ListBucket on resource: ${record.s3_target}`,
            ...log,
          },
    };
  }

  async getCrawler(region: string, name: string): Promise<GlueCrawler | undefined> {
    const state = await this.store.read();
    const record = state.crawlers.find((c) => c.name === name && c.region === region);
    return record ? this.view(record) : undefined;
  }

  async ensureDatabase(): Promise<void> {
    // The demo catalog lists a crawler's database once it has a table; nothing to create.
  }

  async createCrawler(region: string, spec: GlueCrawlerSpec): Promise<void> {
    await this.store.update((state) => {
      if (state.crawlers.some((c) => c.name === spec.name && c.region === region)) return;
      state.crawlers.push({
        name: spec.name,
        region,
        database: spec.database,
        s3_target: spec.s3_target,
        role: spec.role_arn,
        crawls: [],
      });
    });
  }

  async startCrawler(region: string, name: string): Promise<'started' | 'already-running'> {
    return this.store.update((state) => {
      const record = state.crawlers.find((c) => c.name === name && c.region === region);
      if (!record) throw notFound(name);
      if (this.view(record).state !== 'READY') return 'already-running';
      record.crawls.push(this.now());
      return 'started';
    });
  }

  async crawlMetrics(region: string, name: string): Promise<GlueCrawlMetrics> {
    const state = await this.store.read();
    const record = state.crawlers.find((c) => c.name === name && c.region === region);
    if (!record) throw notFound(name);
    const now = this.now();
    const finished = record.crawls.filter((started) => crawlEnd(started, this.speed) <= now);
    const table = crawledTable(state, record, now, this.speed);
    if (finished.length === 0) return { tables_created: 0, tables_updated: 0, tables_deleted: 0 };
    return {
      tables_created: table && finished.length === 1 ? 1 : 0,
      tables_updated: table && finished.length > 1 ? 1 : 0,
      tables_deleted: 0,
      last_runtime_seconds: DEMO_CRAWL_RUNNING_SECONDS + DEMO_CRAWL_STOPPING_SECONDS,
      dpu_hours: DEMO_CRAWL_DPU_HOURS,
    };
  }

  async listCrawlCharges(region: string): Promise<GlueCrawlCharge[]> {
    const now = this.now();
    return (await this.store.read()).crawlers
      .filter((c) => c.region === region)
      .flatMap((c) =>
        c.crawls
          .filter((started) => crawlEnd(started, this.speed) <= now)
          .map((started) => ({
            crawler: c.name,
            at: new Date(crawlEnd(started, this.speed)).toISOString(),
            dpu_hours: DEMO_CRAWL_DPU_HOURS,
          })),
      );
  }
}
