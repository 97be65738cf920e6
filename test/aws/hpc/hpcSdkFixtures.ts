import { CloudFormationClient, type Stack } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EC2Client } from '@aws-sdk/client-ec2';
import { SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { CloudFormationHpc } from '../../../source/aws/hpc/CloudFormationHpc.js';
import { SsmRemoteCommands } from '../../../source/aws/ssm/SsmRemoteCommands.js';
import type { ParallelClusterConfig } from '../../../source/core/hpc/parallelClusterConfigSchema.js';

// The clients, mocks, cluster configuration and provider stack both HPC SDK test files start from.
export const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };
export const cfnMock = mockClient(CloudFormationClient);
export const ddbMock = mockClient(DynamoDBClient);
export const ec2Mock = mockClient(EC2Client);
export const cfn = new CloudFormationClient({ region: 'us-east-1', maxAttempts: 1, credentials });
export const ddb = new DynamoDBClient({ region: 'us-east-1', maxAttempts: 1, credentials });
export const ec2 = new EC2Client({ region: 'us-east-1', maxAttempts: 1, credentials });
export const ssm = new SSMClient({ region: 'us-east-1', maxAttempts: 1, credentials });
export const hpc = new CloudFormationHpc({
  cloudformation: () => cfn,
  dynamodb: () => ddb,
  ec2: () => ec2,
  commands: new SsmRemoteCommands({ ssm: () => ssm }),
  pollIntervalMs: 1,
});

export const config: ParallelClusterConfig = {
  Region: 'us-east-1',
  Image: { Os: 'alinux2023' },
  HeadNode: {
    InstanceType: 't3.medium',
    Networking: { SubnetId: 'subnet-0abc1234' },
    Iam: { AdditionalIamPolicies: [{ Policy: 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore' }] },
  },
  Scheduling: {
    Scheduler: 'slurm',
    SlurmSettings: { ScaledownIdletime: 10, QueueUpdateStrategy: 'DRAIN' },
    SlurmQueues: [
      {
        Name: 'cpu',
        CapacityType: 'ONDEMAND',
        Networking: { SubnetIds: ['subnet-0abc1234'] },
        ComputeResources: [
          { Name: 'c6i', Instances: [{ InstanceType: 'c6i.xlarge' }], MinCount: 0, MaxCount: 8 },
        ],
      },
    ],
  },
};
export const TOKEN = 'arn:aws:lambda:us-east-1:123456789012:function:pcluster-provider-PclusterLambda-AbC';
export const provider: Stack = {
  StackName: 'cws-pcluster-provider-3-16-1',
  StackStatus: 'CREATE_COMPLETE',
  CreationTime: new Date('2026-12-01T00:00:00Z'),
  Outputs: [{ OutputKey: 'ServiceToken', OutputValue: TOKEN }],
};
