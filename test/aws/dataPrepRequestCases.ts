import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateProjectCommand, ListProjectsCommand } from '@aws-sdk/client-databrew';
import {
  CreateCrawlerCommand,
  CreateDatabaseCommand,
  GetCrawlerCommand,
  GetCrawlerMetricsCommand,
  GlueClient,
  ListCrawlersCommand,
  ListCrawlsCommand,
  StartCrawlerCommand,
} from '@aws-sdk/client-glue';
import { GetBucketPolicyCommand } from '@aws-sdk/client-s3';
import { type CapturedRequest, capturingClientConfig as config } from './serializedRequest.js';

/** Clients of the Glue crawler and CloudWatch Logs adapters, sending to the capturing handler. */
export const dataPrepClients = {
  glue: new GlueClient(config),
  logs: new CloudWatchLogsClient(config),
};

export interface DataPrepCase {
  client: keyof typeof dataPrepClients | 's3' | 'databrew';
  protocol: CapturedRequest['protocol'];
  command: { input: unknown; constructor: { name: string } };
}

const CRAWLER = 'cws-crawl-weather-0a1b2c3d4e';
const tags = { 'cws:managed': 'true', 'cws:project': 'genomics' };

/** Each command the Glue crawler, data-preparation role and log adapters send, shaped as they send it. */
export const dataPrepCases: DataPrepCase[] = [
  ...[
    new CreateDatabaseCommand({
      DatabaseInput: { Name: 'cws_crawled', Description: 'tables crawled by cws-tui' },
      Tags: tags,
    }),
    new CreateCrawlerCommand({
      Name: CRAWLER,
      Role: 'arn:aws:iam::123456789012:role/cws-tui/cws-tui-glue-crawler',
      DatabaseName: 'cws_crawled',
      Description: 'cws-tui: tables from s3://genomics-raw/weather/',
      Targets: { S3Targets: [{ Path: 's3://genomics-raw/weather/' }] },
      SchemaChangePolicy: { UpdateBehavior: 'UPDATE_IN_DATABASE', DeleteBehavior: 'LOG' },
      RecrawlPolicy: { RecrawlBehavior: 'CRAWL_EVERYTHING' },
      Tags: tags,
    }),
    new GetCrawlerCommand({ Name: CRAWLER }),
    new StartCrawlerCommand({ Name: CRAWLER }),
    new GetCrawlerMetricsCommand({ CrawlerNameList: [CRAWLER] }),
    new ListCrawlsCommand({ CrawlerName: CRAWLER, MaxResults: 5 }),
    new ListCrawlersCommand({}),
  ].map((command) => ({ client: 'glue' as const, protocol: 'json' as const, command })),
  {
    client: 'logs',
    protocol: 'json',
    command: new FilterLogEventsCommand({
      logGroupName: '/aws-glue-databrew/jobs',
      logStreamNamePrefix: 'db_0a1b2c3d4e5f60718293a4b5',
      nextToken: 'f/3862915720394857203948572039485720394857203948572039485720/s',
    }),
  },
  { client: 's3', protocol: 'rest-xml', command: new GetBucketPolicyCommand({ Bucket: 'genomics-raw' }) },
  {
    client: 'databrew',
    protocol: 'rest-json',
    command: new CreateProjectCommand({
      Name: 'weather-prep',
      DatasetName: 'weather',
      RecipeName: 'cws-weather-prep-recipe',
      RoleArn: 'arn:aws:iam::123456789012:role/cws-tui/cws-tui-databrew-job',
      Sample: { Type: 'FIRST_N', Size: 500 },
      Tags: tags,
    }),
  },
  { client: 'databrew', protocol: 'rest-json', command: new ListProjectsCommand({}) },
];
