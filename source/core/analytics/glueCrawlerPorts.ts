import type { ResourceTags } from '../ports/resourceTags.js';

/** A crawler's own state: READY between crawls. */
export type CrawlerState = 'READY' | 'RUNNING' | 'STOPPING';

/** How the last crawl ended. */
export type CrawlOutcome = 'SUCCEEDED' | 'CANCELLED' | 'FAILED';

export interface GlueCrawlerSpec {
  name: string;
  /** The Data Catalog database the crawler writes its tables to. */
  database: string;
  /** `s3://bucket/prefix/` the crawler reads. */
  s3_target: string;
  /** The IAM role Glue assumes to read the target. */
  role_arn: string;
  tags: ResourceTags;
}

export interface GlueCrawl {
  outcome: CrawlOutcome;
  error?: string;
  started_at?: string;
  log_group?: string;
  log_stream?: string;
}

export interface GlueCrawler {
  name: string;
  state: CrawlerState;
  database: string;
  s3_targets: string[];
  role?: string;
  last_crawl?: GlueCrawl;
}

/** What the crawler's runs did to the catalog (GetCrawlerMetrics) and what the last one used. */
export interface GlueCrawlMetrics {
  tables_created: number;
  tables_updated: number;
  tables_deleted: number;
  last_runtime_seconds?: number;
  /** DPU-hours of the last crawl, once Glue has billed them (ListCrawls). */
  dpu_hours?: number;
}

/** One billed crawl of one of the app's crawlers. */
export interface GlueCrawlCharge {
  crawler: string;
  /** When the crawl ended (or started, while Glue has no end). */
  at: string;
  dpu_hours: number;
}

/** Glue crawlers: a dataset on S3 becomes tables in the Data Catalog. */
export interface GlueCrawlerPort {
  getCrawler(region: string, name: string): Promise<GlueCrawler | undefined>;
  /** Creates the database when it is missing; an existing one is fine. */
  ensureDatabase(region: string, name: string, tags: ResourceTags): Promise<void>;
  createCrawler(region: string, spec: GlueCrawlerSpec): Promise<void>;
  /** Starts a crawl; `already-running` when one is under way (it is followed instead). */
  startCrawler(region: string, name: string): Promise<'started' | 'already-running'>;
  crawlMetrics(region: string, name: string): Promise<GlueCrawlMetrics>;
  /** The billed crawls of the app's crawlers (`cws-crawl-…`) in the region, for the cost report. */
  listCrawlCharges(region: string): Promise<GlueCrawlCharge[]>;
}
