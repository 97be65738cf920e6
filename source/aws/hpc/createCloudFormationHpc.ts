import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { SSMClient } from '@aws-sdk/client-ssm';
import type { AwsClientConfig } from '../awsClientConfig.js';
import { guardAwsReplies } from '../guardAwsReplies.js';
import { perRegion } from '../perRegion.js';
import { SsmRemoteCommands } from '../ssm/SsmRemoteCommands.js';
import { CloudFormationHpc } from './CloudFormationHpc.js';

/** The HPC adapter of an AWS account, with its own CloudFormation and DynamoDB clients per region. */
export function createCloudFormationHpc(options: {
  config: AwsClientConfig;
  ec2: (region: string) => EC2Client;
  ssm: (region: string) => SSMClient;
  profile?: string;
}): CloudFormationHpc {
  const withProfile = options.profile ? { profile: options.profile } : {};
  return new CloudFormationHpc({
    cloudformation: perRegion((region) =>
      guardAwsReplies(new CloudFormationClient({ ...options.config, region })),
    ),
    dynamodb: perRegion((region) => guardAwsReplies(new DynamoDBClient({ ...options.config, region }))),
    ec2: options.ec2,
    commands: new SsmRemoteCommands({ ssm: options.ssm, ...withProfile }),
    ...withProfile,
  });
}
