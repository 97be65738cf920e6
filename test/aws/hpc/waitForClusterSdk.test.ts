import {
  CloudFormationClient,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  GetTemplateCommand,
  type Stack,
  UpdateStackCommand,
} from '@aws-sdk/client-cloudformation';
import { DynamoDBClient, GetItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { CloudFormationHpc } from '../../../source/aws/hpc/CloudFormationHpc.js';
import { clusterStackTemplate } from '../../../source/aws/hpc/clusterStackTemplate.js';
import { SsmRemoteCommands } from '../../../source/aws/ssm/SsmRemoteCommands.js';
import type { ParallelClusterConfig } from '../../../source/core/hpc/parallelClusterConfigSchema.js';
import { waitForClusterCreated, waitForFleetStopped } from '../../../source/core/hpc/waitForCluster.js';

const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };
const cfnMock = mockClient(CloudFormationClient);
const ddbMock = mockClient(DynamoDBClient);
const ec2Mock = mockClient(EC2Client);
const cfn = new CloudFormationClient({ region: 'us-east-1', maxAttempts: 1, credentials });
const ddb = new DynamoDBClient({ region: 'us-east-1', maxAttempts: 1, credentials });
const ec2 = new EC2Client({ region: 'us-east-1', maxAttempts: 1, credentials });
const ssm = new SSMClient({ region: 'us-east-1', maxAttempts: 1, credentials });
const hpc = new CloudFormationHpc({
  cloudformation: () => cfn,
  dynamodb: () => ddb,
  ec2: () => ec2,
  commands: new SsmRemoteCommands({ ssm: () => ssm }),
  pollIntervalMs: 1,
});

const config: ParallelClusterConfig = {
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
const TOKEN = 'arn:aws:lambda:us-east-1:123456789012:function:pcluster-provider-PclusterLambda-AbC';
const provider: Stack = {
  StackName: 'cws-pcluster-provider-3-16-1',
  StackStatus: 'CREATE_COMPLETE',
  CreationTime: new Date('2026-12-01T00:00:00Z'),
  Outputs: [{ OutputKey: 'ServiceToken', OutputValue: TOKEN }],
};
const wrapper = (status: string): Stack => ({
  StackName: 'cws-hpc-lab',
  StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/cws-hpc-lab/2',
  StackStatus: status as Stack['StackStatus'],
  CreationTime: new Date('2026-12-06T07:00:00Z'),
  Tags: [{ Key: 'cws:hpc-cluster', Value: 'lab' }],
});
const inner = (status: string): Stack => ({
  StackName: 'lab',
  StackStatus: status as Stack['StackStatus'],
  CreationTime: new Date('2026-12-06T07:01:00Z'),
  Tags: [{ Key: 'parallelcluster:version', Value: '3.16.1' }],
});
const fleet = (status: string) => ({
  Item: { Id: { S: 'COMPUTE_FLEET' }, Data: { M: { status: { S: status } } } },
});

beforeEach(() => {
  cfnMock.reset();
  ddbMock.reset();
  ec2Mock.reset();
  cfnMock.on(GetTemplateCommand).resolves({ TemplateBody: clusterStackTemplate('lab', config, TOKEN) });
  ec2Mock.on(DescribeInstancesCommand).resolves({ Reservations: [] });
});

const fast = (lines: string[]) => ({
  intervalMs: 1,
  timeoutMs: 60_000,
  onProgress: (l: string) => lines.push(l),
});

describe('waiting on a real account (CloudFormation and the fleet table)', () => {
  it('waits for CREATE_COMPLETE through the stack states, reporting each', async () => {
    cfnMock
      .on(DescribeStacksCommand)
      .resolvesOnce({ Stacks: [provider, wrapper('CREATE_IN_PROGRESS')] })
      .resolvesOnce({ Stacks: [provider, wrapper('CREATE_IN_PROGRESS'), inner('CREATE_IN_PROGRESS')] })
      .resolves({ Stacks: [provider, wrapper('CREATE_COMPLETE'), inner('CREATE_COMPLETE')] });
    ddbMock.on(GetItemCommand).resolves(fleet('RUNNING'));
    const lines: string[] = [];
    const cluster = await waitForClusterCreated(hpc, 'us-east-1', 'lab', fast(lines));
    expect(cluster).toMatchObject({ status: 'CREATE_COMPLETE', compute_fleet: 'RUNNING' });
    expect(lines.map((l) => l.replace(/ \(\d+s\)$/, ''))).toEqual([
      'stack CREATE_IN_PROGRESS',
      'stack CREATE_COMPLETE',
    ]);
  });

  it('fails a create that rolled back with the first failed resource and its reason, and how to delete it', async () => {
    cfnMock
      .on(DescribeStacksCommand)
      .resolvesOnce({ Stacks: [provider, wrapper('CREATE_IN_PROGRESS')] })
      .resolves({ Stacks: [provider, wrapper('CREATE_FAILED'), inner('ROLLBACK_COMPLETE')] });
    cfnMock.on(DescribeStackEventsCommand, { StackName: 'lab' }).resolves({
      StackEvents: [
        {
          StackId: 'arn:stack/lab',
          EventId: '2',
          StackName: 'lab',
          LogicalResourceId: 'HeadNodeWaitCondition',
          ResourceType: 'AWS::CloudFormation::WaitCondition',
          ResourceStatus: 'CREATE_FAILED',
          ResourceStatusReason: 'Failed to receive 1 resource signal(s) within the specified duration',
          Timestamp: new Date('2026-12-06T07:20:00Z'),
        },
      ],
    });
    cfnMock.on(DescribeStackEventsCommand, { StackName: 'cws-hpc-lab' }).resolves({ StackEvents: [] });
    await expect(waitForClusterCreated(hpc, 'us-east-1', 'lab', fast([]))).rejects.toMatchObject({
      message: expect.stringMatching(/HeadNodeWaitCondition.*Failed to receive 1 resource signal/),
      hint: 'Delete it with: cws-tui hpc delete lab',
    });
  });

  it('waits for the fleet to go STOP_REQUESTED → STOPPING → STOPPED before an update may run', async () => {
    cfnMock
      .on(DescribeStacksCommand)
      .resolves({ Stacks: [provider, wrapper('CREATE_COMPLETE'), inner('CREATE_COMPLETE')] });
    ddbMock
      .on(GetItemCommand)
      .resolvesOnce(fleet('STOP_REQUESTED'))
      .resolvesOnce(fleet('STOPPING'))
      .resolves(fleet('STOPPED'));
    const lines: string[] = [];
    const cluster = await waitForFleetStopped(hpc, 'us-east-1', 'lab', fast(lines));
    expect(cluster.compute_fleet).toBe('STOPPED');
    expect(lines.map((l) => l.replace(/ \(\d+s\)$/, ''))).toEqual([
      'compute fleet STOP_REQUESTED, 0 compute node(s) up',
      'compute fleet STOPPING, 0 compute node(s) up',
      'compute fleet STOPPED, 0 compute node(s) up',
    ]);
    expect(ddbMock.commandCalls(UpdateItemCommand)).toHaveLength(0);
    expect(cfnMock.commandCalls(UpdateStackCommand)).toHaveLength(0);
  });

  it('gives up on a fleet that never stops, with the cluster left as it was', async () => {
    cfnMock
      .on(DescribeStacksCommand)
      .resolves({ Stacks: [provider, wrapper('CREATE_COMPLETE'), inner('CREATE_COMPLETE')] });
    ddbMock.on(GetItemCommand).resolves(fleet('STOPPING'));
    let clock = 0;
    await expect(
      waitForFleetStopped(hpc, 'us-east-1', 'lab', {
        intervalMs: 1,
        timeoutMs: 900_000,
        now: () => (clock += 300_000),
      }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/still not STOPPED after 15 minutes; nothing was updated/),
    });
  });
});
