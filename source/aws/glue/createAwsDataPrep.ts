import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { GlueClient } from '@aws-sdk/client-glue';
import type { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import type { DataPrepPort } from '../../core/analytics/dataPrepPorts.js';
import type { AwsClientConfig } from '../awsClientConfig.js';
import { guardAwsReplies } from '../guardAwsReplies.js';
import { perRegion } from '../perRegion.js';
import { CloudWatchLogEvents } from './CloudWatchLogEvents.js';
import { GlueCrawlers } from './GlueCrawlers.js';
import { IamDataPrepRoles } from './IamDataPrepRoles.js';

/** Glue crawlers, the data-preparation roles and CloudWatch Logs of an AWS account. */
export function createAwsDataPrep(options: {
  config: AwsClientConfig;
  iam: () => IAMClient;
  region: string;
  profile?: string;
}): DataPrepPort {
  const { config, profile } = options;
  const withProfile = profile ? { profile } : {};
  return {
    glue: new GlueCrawlers({
      glue: perRegion((region) => guardAwsReplies(new GlueClient({ ...config, region }))),
      ...withProfile,
    }),
    roles: new IamDataPrepRoles({
      iam: options.iam,
      s3: perRegion((region) => guardAwsReplies(new S3Client({ ...config, region }))),
      region: options.region,
      ...withProfile,
    }),
    logs: new CloudWatchLogEvents({
      logs: perRegion((region) => guardAwsReplies(new CloudWatchLogsClient({ ...config, region }))),
      ...withProfile,
    }),
  };
}
