import {
  AccessDeniedException,
  AlreadyExistsException,
  CrawlerRunningException,
  CreateCrawlerCommand,
  CreateDatabaseCommand,
  EntityNotFoundException,
  GetCrawlerCommand,
  GetCrawlerMetricsCommand,
  GlueClient,
  ListCrawlersCommand,
  ListCrawlsCommand,
  StartCrawlerCommand,
} from '@aws-sdk/client-glue';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { GlueCrawlers } from '../../../source/aws/glue/GlueCrawlers.js';
import { CloudError } from '../../../source/core/CloudError.js';

const glue = mockClient(GlueClient);
const client = new GlueClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIA', secretAccessKey: 's' },
});
const crawlers = new GlueCrawlers({ glue: () => client, profile: 'lab' });
const meta = (status: number) => ({
  httpStatusCode: status,
  requestId: '7f1c2a9e-3b4d-4e5f-8a6b-9c0d1e2f3a4b',
});
const spec = {
  name: 'cws-crawl-weather-0123456789',
  database: 'cws_crawled',
  s3_target: 's3://lab-data/raw/weather/',
  role_arn: 'arn:aws:iam::123456789012:role/cws-tui/cws-tui-glue-crawler',
  tags: { 'cws:managed': 'true', 'cws:profile': 'lab' },
};

describe('GlueCrawlers', () => {
  beforeEach(() => glue.reset());

  it('reads a crawler with its S3 target and how its last crawl ended', async () => {
    glue.on(GetCrawlerCommand, { Name: spec.name }).resolves({
      Crawler: {
        Name: spec.name,
        Role: 'cws-tui/cws-tui-glue-crawler',
        Targets: { S3Targets: [{ Path: spec.s3_target, Exclusions: [] }] },
        DatabaseName: 'cws_crawled',
        State: 'READY',
        LastCrawl: {
          Status: 'FAILED',
          ErrorMessage: 'Service Principal: glue.amazonaws.com is not authorized to perform: s3:ListBucket',
          LogGroup: '/aws-glue/crawlers',
          LogStream: spec.name,
          MessagePrefix: '0e6c2d1a-1f3b-4a5c-9d7e-8f9a0b1c2d3e',
          StartTime: new Date('2026-12-06T07:00:00Z'),
        },
        CreationTime: new Date('2026-12-06T06:59:00Z'),
        Version: 1,
      },
    });
    expect(await crawlers.getCrawler('us-east-1', spec.name)).toEqual({
      name: spec.name,
      state: 'READY',
      database: 'cws_crawled',
      s3_targets: [spec.s3_target],
      role: 'cws-tui/cws-tui-glue-crawler',
      last_crawl: {
        outcome: 'FAILED',
        error: 'Service Principal: glue.amazonaws.com is not authorized to perform: s3:ListBucket',
        started_at: '2026-12-06T07:00:00.000Z',
        log_group: '/aws-glue/crawlers',
        log_stream: spec.name,
      },
    });
  });

  it('answers undefined for a crawler Glue does not have (EntityNotFoundException)', async () => {
    glue.on(GetCrawlerCommand).rejects(
      new EntityNotFoundException({
        message: `Crawler entry with name ${spec.name} does not exist`,
        $metadata: meta(400),
      }),
    );
    expect(await crawlers.getCrawler('us-east-1', spec.name)).toBeUndefined();
  });

  it('creates the database and crawler with the target, role and tags; existing ones are fine', async () => {
    glue
      .on(CreateDatabaseCommand)
      .rejects(new AlreadyExistsException({ message: 'Database already exists.', $metadata: meta(400) }));
    glue.on(CreateCrawlerCommand).resolves({});
    await crawlers.ensureDatabase('us-east-1', 'cws_crawled', spec.tags);
    await crawlers.createCrawler('us-east-1', spec);
    expect(glue.commandCalls(CreateDatabaseCommand)[0]?.args[0].input).toEqual({
      DatabaseInput: { Name: 'cws_crawled', Description: 'tables crawled by cws-tui' },
      Tags: spec.tags,
    });
    expect(glue.commandCalls(CreateCrawlerCommand)[0]?.args[0].input).toEqual({
      Name: spec.name,
      Role: spec.role_arn,
      DatabaseName: 'cws_crawled',
      Description: `cws-tui: tables from ${spec.s3_target}`,
      Targets: { S3Targets: [{ Path: spec.s3_target }] },
      SchemaChangePolicy: { UpdateBehavior: 'UPDATE_IN_DATABASE', DeleteBehavior: 'LOG' },
      RecrawlPolicy: { RecrawlBehavior: 'CRAWL_EVERYTHING' },
      Tags: spec.tags,
    });
    glue
      .on(CreateCrawlerCommand)
      .rejects(new AlreadyExistsException({ message: `${spec.name} already exists`, $metadata: meta(400) }));
    await expect(crawlers.createCrawler('us-east-1', spec)).resolves.toBeUndefined();
  });

  it('says already-running for CrawlerRunningException, so the crawl under way is followed', async () => {
    glue
      .on(StartCrawlerCommand)
      .resolvesOnce({})
      .rejects(
        new CrawlerRunningException({
          message: `Crawler with name ${spec.name} has already started`,
          $metadata: meta(400),
        }),
      );
    expect(await crawlers.startCrawler('us-east-1', spec.name)).toBe('started');
    expect(await crawlers.startCrawler('us-east-1', spec.name)).toBe('already-running');
  });

  it('turns AccessDeniedException on create into an unauthorized CloudError naming the action', async () => {
    glue.on(CreateCrawlerCommand).rejects(
      new AccessDeniedException({
        message:
          'User: arn:aws:sts::123456789012:assumed-role/researcher/alice is not authorized to perform: glue:CreateCrawler',
        $metadata: meta(400),
      }),
    );
    const error = await crawlers.createCrawler('us-east-1', spec).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudError);
    expect(error).toMatchObject({ kind: 'unauthorized' });
    expect((error as CloudError).message + (error as CloudError).hint).toMatch(/glue:CreateCrawler/);
  });

  it('turns a missing crawler on start into not-found with what to run', async () => {
    glue.on(StartCrawlerCommand).rejects(
      new EntityNotFoundException({
        message: `Crawler entry with name ${spec.name} does not exist`,
        $metadata: meta(400),
      }),
    );
    await expect(crawlers.startCrawler('us-east-1', spec.name)).rejects.toMatchObject({
      kind: 'not-found',
      code: 'EntityNotFoundException',
      hint: expect.stringMatching(/data crawl/),
    });
  });

  it('reads tables created and updated, and the newest crawl’s DPU-hours', async () => {
    glue.on(GetCrawlerMetricsCommand, { CrawlerNameList: [spec.name] }).resolves({
      CrawlerMetricsList: [
        {
          CrawlerName: spec.name,
          TimeLeftSeconds: 0,
          StillEstimating: false,
          LastRuntimeSeconds: 52.3,
          MedianRuntimeSeconds: 52.3,
          TablesCreated: 1,
          TablesUpdated: 2,
          TablesDeleted: 0,
        },
      ],
    });
    glue.on(ListCrawlsCommand).resolves({
      Crawls: [
        { CrawlId: 'a', State: 'COMPLETED', StartTime: new Date('2026-12-05T07:00:00Z'), DPUHour: 0.5 },
        { CrawlId: 'b', State: 'COMPLETED', StartTime: new Date('2026-12-06T07:00:00Z'), DPUHour: 0.166667 },
      ],
    });
    expect(await crawlers.crawlMetrics('us-east-1', spec.name)).toEqual({
      tables_created: 1,
      tables_updated: 2,
      tables_deleted: 0,
      last_runtime_seconds: 52.3,
      dpu_hours: 0.166667,
    });
  });

  it('still reports the tables when the caller may not list crawls', async () => {
    glue.on(GetCrawlerMetricsCommand).resolves({
      CrawlerMetricsList: [{ CrawlerName: spec.name, TablesCreated: 0, TablesUpdated: 1, TablesDeleted: 0 }],
    });
    glue.on(ListCrawlsCommand).rejects(
      new AccessDeniedException({
        message: 'not authorized to perform: glue:ListCrawls',
        $metadata: meta(400),
      }),
    );
    expect(await crawlers.crawlMetrics('us-east-1', spec.name)).toEqual({
      tables_created: 0,
      tables_updated: 1,
      tables_deleted: 0,
    });
  });

  it('lists the billed crawls of the app’s crawlers only, for the cost report', async () => {
    glue.on(ListCrawlersCommand).resolves({ CrawlerNames: [spec.name, 'etl-nightly'] });
    glue.on(ListCrawlsCommand, { CrawlerName: spec.name, MaxResults: 100 }).resolves({
      Crawls: [
        {
          CrawlId: 'a',
          State: 'COMPLETED',
          StartTime: new Date('2026-12-06T07:00:00Z'),
          EndTime: new Date('2026-12-06T07:01:00Z'),
          DPUHour: 0.166667,
        },
        { CrawlId: 'b', State: 'RUNNING', StartTime: new Date('2026-12-06T08:00:00Z') },
      ],
    });
    expect(await crawlers.listCrawlCharges('us-east-1')).toEqual([
      { crawler: spec.name, at: '2026-12-06T07:01:00.000Z', dpu_hours: 0.166667 },
    ]);
    expect(glue.commandCalls(ListCrawlsCommand)).toHaveLength(1);
  });
});
