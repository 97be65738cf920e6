import { DATABREW_JOB_ROLE_NAME, GLUE_CRAWLER_ROLE_NAME } from '../analytics/dataPrepRolePolicies.js';
import type { PolicyDocument, PolicyStatement } from './PolicyDocument.js';
import { policyArn as arn } from './policyArn.js';

/**
 * The analytics half of a lab member's or admin's identity policy: a second managed policy,
 * because the first is at IAM's 6,144-character limit. Attached the same way (`cws-tui iam policy
 * analytics --for user|admin`), it grants Athena in the app's own workgroups, reads of the Glue
 * Data Catalog, S3 only as Athena reaches it, QuickSight's embed, and `data crawl` and `databrew`
 * (the app's `cws-` crawlers, jobs and recipes, and its two data-prep roles passed to their
 * services only); an admin also registers QuickSight users.
 */

/** The app names every workgroup it makes `cws-…` (see athenaWorkgroupSettings). */
const WORKGROUPS = 'workgroup/cws-*';
/** Athena's default results bucket when the policy names none (defaultResultsLocation). */
const DEFAULT_RESULTS_BUCKETS = 'aws-athena-query-results-*';
const VIA_ATHENA = { 'ForAnyValue:StringEquals': { 'aws:CalledVia': 'athena.amazonaws.com' } };

/** Athena's query, history and workgroup calls the adapter makes; the workgroup is made to the policy on first query. */
export const ATHENA_WORKGROUP_ACTIONS = [
  'StartQueryExecution',
  'GetQueryExecution',
  'GetQueryResults',
  'StopQueryExecution',
  'BatchGetQueryExecution',
  'ListQueryExecutions',
  'GetWorkGroup',
  'CreateWorkGroup',
  'UpdateWorkGroup',
  'TagResource',
].map((action) => `athena:${action}`);

/** What Athena itself reads from Glue, with the caller's rights, to plan a query or list tables. */
const GLUE_CATALOG_READ = [
  'GetDatabase',
  'GetDatabases',
  'GetTable',
  'GetTables',
  'GetPartition',
  'GetPartitions',
  'BatchGetPartition',
].map((action) => `glue:${action}`);

/** A member's QuickSight: open dashboards, and build them under the app's `cws-` ids, tagged. */
const QUICKSIGHT_VIEW = ['ListUsers', 'ListDashboards', 'GenerateEmbedUrlForRegisteredUser'].map(
  (action) => `quicksight:${action}`,
);
const QUICKSIGHT_BUILD = [
  'CreateDataSource',
  'CreateDataSet',
  'CreateDashboard',
  'PassDataSource',
  'PassDataSet',
  'TagResource',
].map((action) => `quicksight:${action}`);

function memberStatements(partition: string, buckets: readonly string[]): PolicyStatement[] {
  const allBuckets = [...new Set([DEFAULT_RESULTS_BUCKETS, ...buckets])];
  return [
    {
      Sid: 'AthenaOwnWorkgroups',
      Effect: 'Allow',
      Action: ATHENA_WORKGROUP_ACTIONS,
      Resource: arn(partition, 'athena', WORKGROUPS),
    },
    {
      Sid: 'AthenaCatalog',
      Effect: 'Allow',
      Action: ['athena:ListDatabases', 'athena:ListTableMetadata', 'athena:GetDataCatalog'],
      Resource: arn(partition, 'athena', 'datacatalog/AwsDataCatalog'),
    },
    {
      Sid: 'AnalyticsReads',
      Effect: 'Allow',
      Action: ['athena:ListWorkGroups', 'quicksight:DescribeAccountSubscription'],
      Resource: '*',
    },
    {
      Sid: 'GlueCatalogRead',
      Effect: 'Allow',
      Action: GLUE_CATALOG_READ,
      Resource: ['catalog', 'database/*', 'table/*/*'].map((resource) => arn(partition, 'glue', resource)),
    },
    {
      // Athena reads the data and writes results with the caller's rights; only through Athena.
      Sid: 'S3ThroughAthena',
      Effect: 'Allow',
      Action: [
        's3:GetBucketLocation',
        's3:ListBucket',
        's3:GetObject',
        's3:PutObject',
        's3:AbortMultipartUpload',
        's3:ListMultipartUploadParts',
      ],
      Resource: allBuckets.flatMap((bucket) => [
        `arn:${partition}:s3:::${bucket}`,
        `arn:${partition}:s3:::${bucket}/*`,
      ]),
      Condition: VIA_ATHENA,
    },
    {
      // Results encrypted with the lab's KMS key (analytics.results_kms_key), through S3 only.
      Sid: 'ResultsKeyThroughS3',
      Effect: 'Allow',
      Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
      Resource: arn(partition, 'kms', 'key/*'),
      Condition: { StringLike: { 'kms:ViaService': 's3.*.amazonaws.com' } },
    },
    {
      Sid: 'QuickSightView',
      Effect: 'Allow',
      Action: QUICKSIGHT_VIEW,
      Resource: ['user/default/*', 'dashboard/*'].map((resource) => arn(partition, 'quicksight', resource)),
    },
    {
      Sid: 'QuickSightBuildCwsAssets',
      Effect: 'Allow',
      Action: QUICKSIGHT_BUILD,
      Resource: ['datasource/cws-*', 'dataset/cws-*', 'dashboard/cws-*'].map((resource) =>
        arn(partition, 'quicksight', resource),
      ),
    },
  ];
}

/** The app's crawlers are `cws-crawl-…` (crawlerNameFor); its jobs and recipes `cws-…`. */
const GLUE_CRAWLERS = ['GetCrawler', 'CreateCrawler', 'StartCrawler', 'ListCrawls', 'TagResource'];
const DATABREW_CWS = [
  'TagResource',
  'CreateRecipe',
  'PublishRecipe',
  'CreateRecipeJob',
  'CreateProfileJob',
  'StartJobRun',
  'DescribeJobRun',
  'ListJobRuns',
];

/** `data crawl` and `databrew`: crawlers, jobs and recipes under the app's `cws-` names only. */
function dataPrepStatements(partition: string): PolicyStatement[] {
  const dataPrepRole = (name: string) => arn(partition, 'iam', `role/cws-tui/${name}`, '', '*');
  return [
    {
      // Glue and DataBrew actions each match only their own service's ARNs here.
      Sid: 'DataPrepCwsNames',
      Effect: 'Allow',
      Action: [
        ...GLUE_CRAWLERS.map((action) => `glue:${action}`),
        ...DATABREW_CWS.map((action) => `databrew:${action}`),
      ],
      Resource: [
        arn(partition, 'glue', 'crawler/cws-crawl-*'),
        ...['job/cws-*', 'recipe/cws-*'].map((resource) => arn(partition, 'databrew', resource)),
      ],
    },
    {
      // The database a crawl fills is the one the profile's policy allows (checked before the call);
      // datasets and projects carry the researcher's own names.
      Sid: 'DataPrepCreates',
      Effect: 'Allow',
      Action: [
        'glue:CreateDatabase',
        'glue:TagResource',
        'databrew:CreateDataset',
        'databrew:CreateProject',
        'databrew:TagResource',
      ],
      Resource: [
        ...['catalog', 'database/*'].map((resource) => arn(partition, 'glue', resource)),
        ...['dataset/*', 'project/*'].map((resource) => arn(partition, 'databrew', resource)),
      ],
    },
    {
      Sid: 'DataPrepLists',
      Effect: 'Allow',
      Action: [
        'glue:ListCrawlers',
        'glue:GetCrawlerMetrics',
        'databrew:ListDatasets',
        'databrew:ListJobs',
        'databrew:ListProjects',
      ],
      Resource: '*',
    },
    {
      Sid: 'DataBrewJobLogs',
      Effect: 'Allow',
      Action: 'logs:FilterLogEvents',
      Resource: arn(partition, 'logs', 'log-group:/aws-glue-databrew/jobs*'),
    },
    {
      // Each of the two data-prep roles only to its own service.
      Sid: 'PassCrawlerRole',
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: dataPrepRole(GLUE_CRAWLER_ROLE_NAME),
      Condition: { StringEquals: { 'iam:PassedToService': 'glue.amazonaws.com' } },
    },
    {
      Sid: 'PassDataBrewRole',
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: dataPrepRole(DATABREW_JOB_ROLE_NAME),
      Condition: { StringEquals: { 'iam:PassedToService': 'databrew.amazonaws.com' } },
    },
  ];
}

function adminStatements(partition: string): PolicyStatement[] {
  return [
    {
      // Seats cost money each month: only an admin registers them (the policy's author seats apply).
      Sid: 'QuickSightRegisterUsers',
      Effect: 'Allow',
      Action: 'quicksight:RegisterUser',
      Resource: arn(partition, 'quicksight', 'user/default/*'),
    },
  ];
}

/**
 * The second managed policy for a member or an admin (`cws-tui iam policy analytics`). `buckets`
 * are the lab's data and results buckets (the policy's `analytics.buckets` and results location);
 * Athena's default results buckets are always in.
 */
export function analyticsPolicyFor(
  role: 'user' | 'admin',
  partition = 'aws',
  buckets: readonly string[] = [],
): PolicyDocument {
  const member = [...memberStatements(partition, buckets), ...dataPrepStatements(partition)];
  return {
    Version: '2012-10-17',
    Statement: role === 'user' ? member : [...member, ...adminStatements(partition)],
  };
}
