import type { S3Location } from '../bigdata/ports.js';
import { nodeCrypto } from '../crypto/nodeCrypto.js';

export const GLUE_CRAWLER_ROLE_NAME = 'cws-tui-glue-crawler';
export const DATABREW_JOB_ROLE_NAME = 'cws-tui-databrew-job';
export const DATA_PREP_ROLE_PATH = '/cws-tui/';

interface Statement {
  Sid: string;
  Effect: 'Allow';
  Action: string[];
  Resource: string[];
  Condition?: Record<string, Record<string, string[]>>;
}

const partitionOf = (roleArn: string) => roleArn.split(':')[1] ?? 'aws';
const accountOf = (roleArn: string) => roleArn.split(':')[4] ?? '*';

/** The folder a location names: a key ending in `/` is one; a file's is the folder it sits in. */
export function prefixOf(location: S3Location): string {
  if (location.key === '' || location.key.endsWith('/')) return location.key;
  const slash = location.key.lastIndexOf('/');
  return slash === -1 ? '' : location.key.slice(0, slash + 1);
}

function listStatement(sid: string, partition: string, location: S3Location): Statement {
  return {
    Sid: sid,
    Effect: 'Allow',
    Action: ['s3:ListBucket'],
    Resource: [`arn:${partition}:s3:::${location.bucket}`],
    Condition: { StringLike: { 's3:prefix': [`${prefixOf(location)}*`] } },
  };
}

function objects(partition: string, location: S3Location): string {
  return `arn:${partition}:s3:::${location.bucket}/${prefixOf(location)}*`;
}

/** Each location gets its own inline policy, named after it, so granting one never drops another. */
export function locationPolicyName(kind: 'read' | 'write', location: S3Location): string {
  const digest = nodeCrypto()
    .createHash('sha256')
    .update(`${location.bucket}/${prefixOf(location)}`)
    .digest('hex');
  return `cws-${kind}-${location.bucket.slice(0, 40)}-${digest.slice(0, 10)}`;
}

function document(statements: Statement[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

function logsStatement(partition: string, roleArn: string, group: string): Statement {
  return {
    Sid: 'OwnLogs',
    Effect: 'Allow',
    Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
    Resource: [`arn:${partition}:logs:*:${accountOf(roleArn)}:log-group:${group}*`],
  };
}

/**
 * The crawler role's inline policies: read and list only the crawled prefix, write its own log
 * group, and change only the catalog's tables (no managed policy, which would open every bucket
 * named aws-glue-*).
 */
export function glueCrawlerRolePolicies(target: S3Location): Record<string, (roleArn: string) => string> {
  return {
    'cws-crawler-base': (roleArn) => {
      const partition = partitionOf(roleArn);
      const catalog = `arn:${partition}:glue:*:${accountOf(roleArn)}`;
      return document([
        logsStatement(partition, roleArn, '/aws-glue/crawlers'),
        {
          Sid: 'CatalogTables',
          Effect: 'Allow',
          Action: [
            'glue:GetDatabase',
            'glue:GetTable',
            'glue:GetTables',
            'glue:CreateTable',
            'glue:UpdateTable',
            'glue:GetPartition',
            'glue:GetPartitions',
            'glue:BatchGetPartition',
            'glue:BatchCreatePartition',
            'glue:BatchUpdatePartition',
            'glue:UpdatePartition',
          ],
          Resource: [`${catalog}:catalog`, `${catalog}:database/*`, `${catalog}:table/*/*`],
        },
      ]);
    },
    [locationPolicyName('read', target)]: (roleArn) => {
      const partition = partitionOf(roleArn);
      return document([
        {
          Sid: 'ReadPrefix',
          Effect: 'Allow',
          Action: ['s3:GetObject'],
          Resource: [objects(partition, target)],
        },
        listStatement('ListPrefix', partition, target),
      ]);
    },
  };
}

/** The DataBrew job role's inline policies: read the dataset's folder, write the output folder, its logs. */
export function dataBrewJobRolePolicies(
  input: S3Location,
  output: S3Location,
): Record<string, (roleArn: string) => string> {
  return {
    'cws-databrew-logs': (roleArn) =>
      document([logsStatement(partitionOf(roleArn), roleArn, '/aws-glue-databrew/')]),
    [locationPolicyName('read', input)]: (roleArn) => {
      const partition = partitionOf(roleArn);
      return document([
        {
          Sid: 'ReadPrefix',
          Effect: 'Allow',
          Action: ['s3:GetObject'],
          Resource: [objects(partition, input)],
        },
        listStatement('ListPrefix', partition, input),
      ]);
    },
    [locationPolicyName('write', output)]: (roleArn) => {
      const partition = partitionOf(roleArn);
      return document([
        {
          Sid: 'WritePrefix',
          Effect: 'Allow',
          Action: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'],
          Resource: [objects(partition, output)],
        },
        listStatement('ListPrefix', partition, output),
      ]);
    },
  };
}
