import {
  type Crawler,
  CreateCrawlerCommand,
  CreateDatabaseCommand,
  GetCrawlerCommand,
  GetCrawlerMetricsCommand,
  type GlueClient,
  ListCrawlsCommand,
  paginateListCrawlers,
  StartCrawlerCommand,
} from '@aws-sdk/client-glue';
import type {
  CrawlerState,
  GlueCrawlCharge,
  GlueCrawler,
  GlueCrawlerPort,
  GlueCrawlerSpec,
  GlueCrawlMetrics,
} from '../../core/analytics/glueCrawlerPorts.js';
import { CloudError } from '../../core/CloudError.js';
import type { ResourceTags } from '../../core/ports.js';
import { type AwsCallContext, translateAwsError } from '../translateAwsError.js';

const errorName = (thrown: unknown) => (thrown instanceof Error ? thrown.name : '');

/** Glue's own errors: a missing crawler or database, and a crawl already under way. */
export function translateGlueError(thrown: unknown, context: AwsCallContext): CloudError {
  const name = errorName(thrown);
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  if (name === 'EntityNotFoundException')
    return new CloudError({
      kind: 'not-found',
      code: name,
      message: `Glue: ${message}`,
      hint: '`cws-tui data crawl s3://bucket/prefix/` creates the crawler; `cws-tui data sources` lists the catalog.',
    });
  if (name === 'CrawlerRunningException' || name === 'CrawlerStoppingException')
    return new CloudError({
      kind: 'conflict',
      code: name,
      message: `Glue: ${message}`,
      hint: 'Wait for the crawl under way to end, then run it again.',
      retryable: true,
    });
  return translateAwsError(thrown, context);
}

function toCrawler(crawler: Crawler): GlueCrawler {
  const last = crawler.LastCrawl;
  return {
    name: crawler.Name ?? '',
    state: (crawler.State ?? 'READY') as CrawlerState,
    database: crawler.DatabaseName ?? '',
    s3_targets: (crawler.Targets?.S3Targets ?? []).flatMap((target) => (target.Path ? [target.Path] : [])),
    ...(crawler.Role ? { role: crawler.Role } : {}),
    ...(last?.Status
      ? {
          last_crawl: {
            outcome: last.Status,
            ...(last.ErrorMessage ? { error: last.ErrorMessage } : {}),
            ...(last.StartTime ? { started_at: last.StartTime.toISOString() } : {}),
            ...(last.LogGroup ? { log_group: last.LogGroup } : {}),
            ...(last.LogStream ? { log_stream: last.LogStream } : {}),
          },
        }
      : {}),
  };
}

/** Glue crawlers through the SDK; AlreadyExistsException on create means it is there. */
export class GlueCrawlers implements GlueCrawlerPort {
  constructor(private readonly options: { glue: (region: string) => GlueClient; profile?: string }) {}

  private async call<T>(action: string, region: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (thrown) {
      throw translateGlueError(thrown, {
        action,
        region,
        ...(this.options.profile ? { profile: this.options.profile } : {}),
      });
    }
  }

  async getCrawler(region: string, name: string): Promise<GlueCrawler | undefined> {
    try {
      const reply = await this.options.glue(region).send(new GetCrawlerCommand({ Name: name }));
      return reply.Crawler ? toCrawler(reply.Crawler) : undefined;
    } catch (thrown) {
      if (errorName(thrown) === 'EntityNotFoundException') return undefined;
      return this.call('glue:GetCrawler', region, () => Promise.reject(thrown));
    }
  }

  async ensureDatabase(region: string, name: string, tags: ResourceTags): Promise<void> {
    try {
      await this.options.glue(region).send(
        new CreateDatabaseCommand({
          DatabaseInput: { Name: name, Description: 'tables crawled by cws-tui' },
          Tags: tags,
        }),
      );
    } catch (thrown) {
      if (errorName(thrown) === 'AlreadyExistsException') return;
      await this.call('glue:CreateDatabase', region, () => Promise.reject(thrown));
    }
  }

  async createCrawler(region: string, spec: GlueCrawlerSpec): Promise<void> {
    try {
      await this.options.glue(region).send(
        new CreateCrawlerCommand({
          Name: spec.name,
          Role: spec.role_arn,
          DatabaseName: spec.database,
          Description: `cws-tui: tables from ${spec.s3_target}`,
          Targets: { S3Targets: [{ Path: spec.s3_target }] },
          // New columns and partitions update the table; nothing the crawler stops seeing is deleted.
          SchemaChangePolicy: { UpdateBehavior: 'UPDATE_IN_DATABASE', DeleteBehavior: 'LOG' },
          RecrawlPolicy: { RecrawlBehavior: 'CRAWL_EVERYTHING' },
          Tags: spec.tags,
        }),
      );
    } catch (thrown) {
      if (errorName(thrown) === 'AlreadyExistsException') return;
      await this.call('glue:CreateCrawler', region, () => Promise.reject(thrown));
    }
  }

  async startCrawler(region: string, name: string): Promise<'started' | 'already-running'> {
    try {
      await this.options.glue(region).send(new StartCrawlerCommand({ Name: name }));
      return 'started';
    } catch (thrown) {
      if (errorName(thrown) === 'CrawlerRunningException') return 'already-running';
      return this.call('glue:StartCrawler', region, () => Promise.reject(thrown));
    }
  }

  async crawlMetrics(region: string, name: string): Promise<GlueCrawlMetrics> {
    const client = this.options.glue(region);
    const reply = await this.call('glue:GetCrawlerMetrics', region, () =>
      client.send(new GetCrawlerMetricsCommand({ CrawlerNameList: [name] })),
    );
    const metrics = reply.CrawlerMetricsList?.find((m) => m.CrawlerName === name);
    const result: GlueCrawlMetrics = {
      tables_created: metrics?.TablesCreated ?? 0,
      tables_updated: metrics?.TablesUpdated ?? 0,
      tables_deleted: metrics?.TablesDeleted ?? 0,
      ...(metrics?.LastRuntimeSeconds !== undefined
        ? { last_runtime_seconds: metrics.LastRuntimeSeconds }
        : {}),
    };
    // The billed DPU-hours are in the crawl history; a caller without glue:ListCrawls still gets the tables.
    try {
      const crawls = await client.send(new ListCrawlsCommand({ CrawlerName: name, MaxResults: 5 }));
      const last = (crawls.Crawls ?? []).reduce<(typeof crawls.Crawls & object)[number] | undefined>(
        (newest, crawl) =>
          !newest || (crawl.StartTime?.getTime() ?? 0) > (newest.StartTime?.getTime() ?? 0) ? crawl : newest,
        undefined,
      );
      if (last?.DPUHour !== undefined) result.dpu_hours = last.DPUHour;
    } catch (thrown) {
      if (errorName(thrown) !== 'AccessDeniedException')
        throw translateGlueError(thrown, { action: 'glue:ListCrawls', region });
    }
    return result;
  }

  async listCrawlCharges(region: string): Promise<GlueCrawlCharge[]> {
    const client = this.options.glue(region);
    return this.call('glue:ListCrawls', region, async () => {
      const charges: GlueCrawlCharge[] = [];
      for await (const page of paginateListCrawlers({ client }, {}))
        for (const name of (page.CrawlerNames ?? []).filter((n) => n.startsWith('cws-crawl-'))) {
          // ListCrawls keeps a crawler's history (Glue keeps 12 months of it), one page is this month's.
          const crawls = await client.send(new ListCrawlsCommand({ CrawlerName: name, MaxResults: 100 }));
          for (const crawl of crawls.Crawls ?? []) {
            const at = crawl.EndTime ?? crawl.StartTime;
            if (crawl.DPUHour === undefined || crawl.DPUHour === 0 || !at) continue;
            charges.push({ crawler: name, at: at.toISOString(), dpu_hours: crawl.DPUHour });
          }
        }
      return charges;
    });
  }
}
