import type { S3Location } from './ports.js';

/** The job execution role's name: one per account, shared by every application of the app. */
export const JOB_ROLE_NAME = 'cws-tui-emr-job-execution';

interface Statement {
  Sid: string;
  Effect: 'Allow';
  Action: string[];
  Resource: string[];
  Condition?: Record<string, Record<string, string[]>>;
}

/** The role's access to the staging prefix: read and write objects under it, list only it. */
export function stagingAccessPolicy(staging: S3Location, partition = 'aws'): string {
  const bucket = `arn:${partition}:s3:::${staging.bucket}`;
  const statements: Statement[] = [
    {
      Sid: 'StagingObjects',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      Resource: [`${bucket}/${staging.key}*`],
    },
    {
      Sid: 'StagingList',
      Effect: 'Allow',
      Action: ['s3:ListBucket'],
      Resource: [bucket],
      Condition: { StringLike: { 's3:prefix': [`${staging.key}*`] } },
    },
  ];
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

/** The role's access to one data bucket: read, write and list it (a job reads input, writes output). */
export function dataBucketAccessPolicy(bucket: string, partition = 'aws'): string {
  const arn = `arn:${partition}:s3:::${bucket}`;
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DataObjects',
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        Resource: [`${arn}/*`],
      },
      { Sid: 'DataList', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [arn] },
    ],
  });
}

/**
 * The role's inline policies by name: the staging prefix, and one per data bucket. A bucket's
 * policy is added when an application first names it and never replaced by another's, so two
 * applications of one account keep each their own buckets.
 */
export function jobRoleInlinePolicies(
  staging: S3Location,
  dataBuckets: readonly string[],
): Record<string, (roleArn: string) => string> {
  const partitionOf = (roleArn: string) => roleArn.split(':')[1] ?? 'aws';
  const policies: Record<string, (roleArn: string) => string> = {
    'cws-staging': (roleArn) => stagingAccessPolicy(staging, partitionOf(roleArn)),
  };
  for (const bucket of new Set(dataBuckets))
    policies[`cws-data-${bucket}`] = (roleArn) => dataBucketAccessPolicy(bucket, partitionOf(roleArn));
  return policies;
}

/** EMR on EC2: the service role EMR acts as, and the role (and instance profile) of the nodes. */
export const CLUSTER_SERVICE_ROLE_NAME = 'cws-tui-emr-cluster-service';
export const CLUSTER_NODE_ROLE_NAME = 'cws-tui-emr-cluster-node';
/** AWS's managed policy for EMR's service role (it acts only on resources tagged for EMR). */
export const EMR_SERVICE_POLICY_ARN = 'arn:aws:iam::aws:policy/service-role/AmazonEMRServicePolicy_v2';
