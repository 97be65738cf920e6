import {
  CloudFormationServiceException,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  GetTemplateCommand,
  UpdateStackCommand,
} from '@aws-sdk/client-cloudformation';
import { GetItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { DescribeInstancesCommand } from '@aws-sdk/client-ec2';
import {
  DescribeInstanceInformationCommand,
  GetCommandInvocationCommand,
  SendCommandCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { clusterStackTemplate } from '../../../source/aws/hpc/clusterStackTemplate.js';
import type { HpcContext } from '../../../source/core/hpc/HpcContext.js';
import { readyHeadNode } from '../../../source/core/hpc/slurmOnCluster.js';
import { cfnMock, config, ddbMock, ec2Mock, hpc, provider, TOKEN } from './hpcSdkFixtures.js';

const ssmMock = mockClient(SSMClient);
const missing = (name: string) =>
  new CloudFormationServiceException({
    name: 'ValidationError',
    $fault: 'client',
    $metadata: { httpStatusCode: 400 },
    message: `Stack with id ${name} does not exist`,
  });

beforeEach(() => {
  cfnMock.reset();
  ddbMock.reset();
  ec2Mock.reset();
  ssmMock.reset();
});

describe('CloudFormationHpc', () => {
  it("installs the provider stack from ParallelCluster's published template, with the IAM capabilities it needs", async () => {
    cfnMock.on(DescribeStacksCommand).rejects(missing('cws-pcluster-provider-3-16-1'));
    cfnMock.on(CreateStackCommand).resolves({
      StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/cws-pcluster-provider-3-16-1/1',
    });
    expect(await hpc.providerStatus('us-east-1')).toMatchObject({
      installed: false,
      stack_name: 'cws-pcluster-provider-3-16-1',
      version: '3.16.1',
    });
    await hpc.installProvider('us-east-1');
    expect(cfnMock.commandCalls(CreateStackCommand)[0]?.args[0].input).toMatchObject({
      StackName: 'cws-pcluster-provider-3-16-1',
      TemplateURL:
        'https://us-east-1-aws-parallelcluster.s3.us-east-1.amazonaws.com/parallelcluster/3.16.1/templates/custom_resource/cluster.yaml',
      Capabilities: ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND'],
    });
  });

  it("creates the cluster stack with a Custom::PclusterCluster on the provider's ServiceToken, kept on failure", async () => {
    cfnMock
      .on(DescribeStacksCommand, { StackName: 'cws-pcluster-provider-3-16-1' })
      .resolves({ Stacks: [provider] });
    cfnMock
      .on(CreateStackCommand)
      .resolves({ StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/cws-hpc-lab/2' });
    await hpc.createCluster({ region: 'us-east-1', name: 'lab', config, tags: { 'cws:managed': 'true' } });
    const input = cfnMock.commandCalls(CreateStackCommand)[0]?.args[0].input;
    expect(input).toMatchObject({
      StackName: 'cws-hpc-lab',
      OnFailure: 'DO_NOTHING',
      Tags: [
        { Key: 'cws:managed', Value: 'true' },
        { Key: 'cws:hpc-cluster', Value: 'lab' },
      ],
    });
    const body = JSON.parse(input?.TemplateBody ?? '{}');
    expect(body.Resources.PclusterCluster).toEqual({
      Type: 'Custom::PclusterCluster',
      Properties: { ServiceToken: TOKEN, ClusterName: 'lab', ClusterConfiguration: config },
    });
  });

  it('lists its own clusters and pcluster-made ones by their stack tags, with nodes from EC2 tags and the fleet status from DynamoDB', async () => {
    cfnMock.on(DescribeStacksCommand).resolves({
      Stacks: [
        provider,
        {
          StackName: 'cws-hpc-lab',
          StackId: 'arn:stack/cws-hpc-lab/2',
          StackStatus: 'CREATE_COMPLETE',
          CreationTime: new Date('2026-12-06T07:00:00Z'),
          Tags: [
            { Key: 'cws:hpc-cluster', Value: 'lab' },
            { Key: 'cws:research-user', Value: 'alice' },
          ],
        },
        {
          StackName: 'lab',
          StackStatus: 'CREATE_COMPLETE',
          CreationTime: new Date('2026-12-06T07:01:00Z'),
          Tags: [{ Key: 'parallelcluster:version', Value: '3.16.1' }],
        },
        {
          StackName: 'theirs',
          StackStatus: 'UPDATE_ROLLBACK_COMPLETE',
          CreationTime: new Date('2026-11-01T00:00:00Z'),
          Tags: [{ Key: 'parallelcluster:version', Value: '3.9.0' }],
        },
        {
          StackName: 'lab-ComputeFleet-1',
          ParentId: 'arn:stack/lab',
          StackStatus: 'CREATE_COMPLETE',
          CreationTime: new Date(),
          Tags: [{ Key: 'parallelcluster:version', Value: '3.16.1' }],
        },
      ],
    });
    cfnMock.on(GetTemplateCommand).resolves({ TemplateBody: clusterStackTemplate('lab', config, TOKEN) });
    ec2Mock.on(DescribeInstancesCommand).resolves({
      Reservations: [
        {
          Instances: [
            {
              InstanceId: 'i-0head',
              InstanceType: 't3.medium',
              State: { Name: 'running' },
              LaunchTime: new Date('2026-12-06T07:10:00Z'),
              Tags: [
                { Key: 'parallelcluster:cluster-name', Value: 'lab' },
                { Key: 'parallelcluster:node-type', Value: 'HeadNode' },
              ],
            },
            {
              InstanceId: 'i-0node',
              InstanceType: 'c6i.xlarge',
              State: { Name: 'running' },
              LaunchTime: new Date('2026-12-06T07:30:00Z'),
              Tags: [
                { Key: 'parallelcluster:cluster-name', Value: 'lab' },
                { Key: 'parallelcluster:node-type', Value: 'Compute' },
                { Key: 'parallelcluster:queue-name', Value: 'cpu' },
                { Key: 'parallelcluster:compute-resource-name', Value: 'c6i' },
              ],
            },
          ],
        },
      ],
    });
    ddbMock
      .on(GetItemCommand, { TableName: 'parallelcluster-lab' })
      .resolves({ Item: { Id: { S: 'COMPUTE_FLEET' }, Data: { M: { status: { S: 'RUNNING' } } } } });
    ddbMock
      .on(GetItemCommand, { TableName: 'parallelcluster-theirs' })
      .resolves({ Item: { Id: { S: 'COMPUTE_FLEET' }, Data: { M: { status: { S: 'STOPPED' } } } } });
    const clusters = await hpc.listClusters(['us-east-1']);
    expect(clusters.map((c) => [c.name, c.status, c.made_by, c.compute_fleet])).toEqual([
      ['lab', 'CREATE_COMPLETE', 'cws-tui', 'RUNNING'],
      ['theirs', 'UPDATE_FAILED', 'pcluster', 'STOPPED'],
    ]);
    expect(clusters[0]?.head_node?.instance_id).toBe('i-0head');
    expect(clusters[0]?.compute_nodes).toEqual([
      expect.objectContaining({ instance_id: 'i-0node', queue: 'cpu', compute_resource: 'c6i' }),
    ]);
    expect(clusters[0]?.config).toEqual(config);
    expect(clusters[1]?.config).toBeUndefined();
    expect(ec2Mock.commandCalls(DescribeInstancesCommand)[0]?.args[0].input.Filters?.[0]).toEqual({
      Name: 'tag:parallelcluster:cluster-name',
      Values: ['lab', 'theirs'],
    });
  });

  it('finds the first failed resource of a failed creation, not the rollback that followed', async () => {
    cfnMock.on(DescribeStackEventsCommand, { StackName: 'lab' }).resolves({
      StackEvents: [
        {
          StackName: 'lab',
          LogicalResourceId: 'lab',
          ResourceType: 'AWS::CloudFormation::Stack',
          ResourceStatus: 'ROLLBACK_COMPLETE',
          Timestamp: new Date('2026-12-06T07:40:00Z'),
          EventId: '4',
          StackId: 's',
          ResourceStatusReason: '',
        },
        {
          StackName: 'lab',
          LogicalResourceId: 'ComputeFleetLaunchTemplate',
          ResourceType: 'AWS::EC2::LaunchTemplate',
          ResourceStatus: 'CREATE_FAILED',
          Timestamp: new Date('2026-12-06T07:35:01Z'),
          EventId: '3',
          StackId: 's',
          ResourceStatusReason: 'Resource creation cancelled',
        },
        {
          StackName: 'lab',
          LogicalResourceId: 'HeadNodeWaitCondition1733468400',
          ResourceType: 'AWS::CloudFormation::WaitCondition',
          ResourceStatus: 'CREATE_FAILED',
          Timestamp: new Date('2026-12-06T07:35:00Z'),
          EventId: '2',
          StackId: 's',
          ResourceStatusReason: 'Failed to receive 1 resource signal(s) within the specified duration',
        },
        {
          StackName: 'lab',
          LogicalResourceId: 'HeadNode',
          ResourceType: 'AWS::EC2::Instance',
          ResourceStatus: 'CREATE_COMPLETE',
          Timestamp: new Date('2026-12-06T07:10:00Z'),
          EventId: '1',
          StackId: 's',
        },
      ],
    });
    expect(await hpc.firstFailure('us-east-1', 'lab')).toEqual({
      stack: 'lab',
      logical_id: 'HeadNodeWaitCondition1733468400',
      resource_type: 'AWS::CloudFormation::WaitCondition',
      reason: 'Failed to receive 1 resource signal(s) within the specified duration',
      at: '2026-12-06T07:35:00.000Z',
    });
  });

  it("falls back to the app stack's events when ParallelCluster never made the cluster stack", async () => {
    cfnMock.on(DescribeStackEventsCommand, { StackName: 'lab' }).rejects(missing('lab'));
    cfnMock.on(DescribeStackEventsCommand, { StackName: 'cws-hpc-lab' }).resolves({
      StackEvents: [
        {
          StackName: 'cws-hpc-lab',
          LogicalResourceId: 'PclusterCluster',
          ResourceType: 'Custom::PclusterCluster',
          ResourceStatus: 'CREATE_FAILED',
          Timestamp: new Date('2026-12-06T07:02:00Z'),
          EventId: '1',
          StackId: 's',
          ResourceStatusReason:
            "Received response status [FAILED] from custom resource. Message returned: Configuration is invalid: {'type': 'EfaValidator', 'message': 'Instance type c6i.xlarge does not support EFA.'}",
        },
      ],
    });
    expect(await hpc.firstFailure('us-east-1', 'lab')).toMatchObject({
      logical_id: 'PclusterCluster',
      reason: expect.stringContaining('does not support EFA'),
    });
  });

  it('updates through the stack, stops the fleet through its DynamoDB item, and deletes the app stack', async () => {
    cfnMock
      .on(DescribeStacksCommand, { StackName: 'cws-pcluster-provider-3-16-1' })
      .resolves({ Stacks: [provider] });
    cfnMock.on(DescribeStacksCommand, { StackName: 'cws-hpc-lab' }).resolves({
      Stacks: [{ StackName: 'cws-hpc-lab', StackStatus: 'UPDATE_COMPLETE', CreationTime: new Date() }],
    });
    cfnMock.on(UpdateStackCommand).resolves({ StackId: 's' });
    cfnMock.on(DeleteStackCommand).resolves({});
    ddbMock.on(UpdateItemCommand).resolves({});
    await hpc.updateCluster('us-east-1', 'lab', config);
    expect(
      JSON.parse(cfnMock.commandCalls(UpdateStackCommand)[0]?.args[0].input.TemplateBody ?? '{}').Resources
        .PclusterCluster.Properties.ClusterConfiguration,
    ).toEqual(config);
    await hpc.setComputeFleet('us-east-1', 'lab', 'STOP_REQUESTED');
    expect(ddbMock.commandCalls(UpdateItemCommand)[0]?.args[0].input).toMatchObject({
      TableName: 'parallelcluster-lab',
      Key: { Id: { S: 'COMPUTE_FLEET' } },
      ExpressionAttributeValues: { ':s': { S: 'STOP_REQUESTED' } },
    });
    await hpc.deleteCluster('us-east-1', 'lab');
    expect(cfnMock.commandCalls(DeleteStackCommand)[0]?.args[0].input).toEqual({ StackName: 'cws-hpc-lab' });
  });

  it('runs Slurm on the head node through SSM, and explains a head node whose agent is not registered', async () => {
    ssmMock.on(SendCommandCommand).resolves({ Command: { CommandId: 'c1' } });
    ssmMock.on(GetCommandInvocationCommand).resolves({
      Status: 'Failed',
      ResponseCode: 1,
      StandardOutputContent: '',
      StandardErrorContent:
        'sbatch: error: Batch job submission failed: Invalid account or account/partition combination specified\n',
    });
    const run = await hpc.runOnHeadNode(
      'us-east-1',
      'i-0head',
      '# cws-hpc:{"op":"sinfo"}\nsinfo',
      'cws-tui hpc sinfo lab',
    );
    expect(run).toEqual({
      exit_code: 1,
      stdout: '',
      stderr:
        'sbatch: error: Batch job submission failed: Invalid account or account/partition combination specified\n',
    });
    expect(ssmMock.commandCalls(SendCommandCommand)[0]?.args[0].input).toMatchObject({
      InstanceIds: ['i-0head'],
      DocumentName: 'AWS-RunShellScript',
    });

    ssmMock.on(DescribeInstanceInformationCommand).resolves({ InstanceInformationList: [] });
    const context = { ops: { account: { hpc } } } as unknown as HpcContext;
    const cluster = {
      name: 'lab',
      region: 'us-east-1',
      status: 'CREATE_COMPLETE' as const,
      made_by: 'pcluster' as const,
      created_at: '',
      compute_fleet: 'RUNNING' as const,
      compute_nodes: [],
      tags: {},
      head_node: { instance_id: 'i-0head', instance_type: 't3.medium', state: 'running', launched_at: '' },
    };
    await expect(readyHeadNode(context, cluster)).rejects.toMatchObject({
      message: expect.stringMatching(/no SSM agent registered/),
      hint: expect.stringMatching(/AmazonSSMManagedInstanceCore/),
    });
  });
});
