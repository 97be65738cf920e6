import {
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  GetTemplateCommand,
  type Stack,
  UpdateStackCommand,
} from '@aws-sdk/client-cloudformation';
import { GetItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { DescribeInstancesCommand } from '@aws-sdk/client-ec2';
import { beforeEach, describe, expect, it } from 'vitest';
import { clusterStackTemplate } from '../../../source/aws/hpc/clusterStackTemplate.js';
import { waitForClusterCreated, waitForFleetStopped } from '../../../source/core/hpc/waitForCluster.js';

import { cfnMock, config, ddbMock, ec2Mock, hpc, provider, TOKEN } from './hpcSdkFixtures.js';

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
