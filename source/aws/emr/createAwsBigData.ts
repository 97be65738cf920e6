import { EC2Client } from '@aws-sdk/client-ec2';
import { EMRClient } from '@aws-sdk/client-emr';
import { EMRServerlessClient } from '@aws-sdk/client-emr-serverless';
import type { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import type { BigDataPort } from '../../core/bigdata/ports.js';
import type { IdentityPort } from '../../core/ports.js';
import type { AwsClientConfig } from '../awsClientConfig.js';
import { guardAwsReplies } from '../guardAwsReplies.js';
import { perRegion } from '../perRegion.js';
import { EmrClusters } from './EmrClusters.js';
import { EmrServerlessApplications } from './EmrServerlessApplications.js';
import { EmrStudios } from './EmrStudios.js';
import { IamEmrJobRole } from './ensureEmrJobRole.js';
import { S3Staging } from './S3Staging.js';

/** The big-data ports of an AWS account: EMR Serverless, the S3 staging bucket and the job role. */
export function createAwsBigData(options: {
  config: AwsClientConfig;
  iam: () => IAMClient;
  identity: IdentityPort;
  profile?: string;
}): BigDataPort {
  const { config, profile } = options;
  const withProfile = profile ? { profile } : {};
  const emrServerless = perRegion((region) =>
    guardAwsReplies(new EMRServerlessClient({ ...config, region })),
  );
  const emr = perRegion((region) => guardAwsReplies(new EMRClient({ ...config, region })));
  const s3 = perRegion((region) => guardAwsReplies(new S3Client({ ...config, region })));
  return {
    serverless: new EmrServerlessApplications({ emrServerless, ...withProfile }),
    clusters: new EmrClusters({ emr, ...withProfile }),
    staging: new S3Staging({
      s3,
      accountId: async () => (await options.identity.callerIdentity()).account,
      ...withProfile,
    }),
    roles: new IamEmrJobRole({ iam: options.iam, ...withProfile }),
    studio: new EmrStudios({
      emr,
      ec2: perRegion((region) => guardAwsReplies(new EC2Client({ ...config, region }))),
      ...withProfile,
    }),
  };
}
