import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { RemoteCommandPort } from '../../core/ports.js';
import type { AwsCallContext } from '../AwsCallContext.js';

export interface CloudFormationHpcOptions {
  cloudformation: (region: string) => CloudFormationClient;
  dynamodb: (region: string) => DynamoDBClient;
  ec2: (region: string) => EC2Client;
  commands: RemoteCommandPort;
  profile?: string;
  /** How often to poll a Run Command invocation. */
  pollIntervalMs?: number;
}

/** What an error from one call names: the action, the region and the profile. */
export function hpcCallContext(
  options: CloudFormationHpcOptions,
  action: string,
  region: string,
): AwsCallContext {
  return { action, region, ...(options.profile ? { profile: options.profile } : {}) };
}
