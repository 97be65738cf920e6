import {
  AddJobFlowStepsCommand,
  CancelStepsCommand,
  DescribeClusterCommand,
  EMRClient,
  GetAutoTerminationPolicyCommand,
  GetManagedScalingPolicyCommand,
  InvalidRequestException,
  ListClustersCommand,
  ListInstanceFleetsCommand,
  ListStepsCommand,
  ModifyInstanceFleetCommand,
  RunJobFlowCommand,
  TerminateJobFlowsCommand,
} from '@aws-sdk/client-emr';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { EmrClusters } from '../../../source/aws/emr/EmrClusters.js';
import { emrClusterSpecFixture } from '../../core/bigdata/emrClusterSpecFixture.js';
import { awsServiceError } from '../awsServiceError.js';

const emrMock = mockClient(EMRClient);
const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };
const emr = new EMRClient({ region: 'us-east-1', maxAttempts: 1, credentials });
const now = new Date('2026-12-06T08:00:00Z');
const adapter = new EmrClusters({ emr: () => emr, profile: 'lab', now: () => now });
const created = new Date('2026-12-06T07:00:00Z');
const ready = new Date('2026-12-06T07:07:12Z');

const cluster = {
  Id: 'j-2AXXXXXXGAPLF',
  Name: 'hadoop',
  Status: {
    State: 'WAITING' as const,
    StateChangeReason: { Message: 'Cluster ready to run steps.' },
    Timeline: { CreationDateTime: created, ReadyDateTime: ready },
  },
  ReleaseLabel: 'emr-7.5.0',
  Applications: [
    { Name: 'Spark', Version: '3.5.2' },
    { Name: 'Hive', Version: '3.1.3' },
  ],
  InstanceCollectionType: 'INSTANCE_FLEET' as const,
  LogUri: 's3n://cws-tui-staging-123456789012-us-east-1/bigdata/clusters/hadoop/',
  Tags: [
    { Key: 'cws:managed', Value: 'true' },
    { Key: 'cws:template', Value: 'emr-spark-cluster' },
  ],
};

const ebs = [{ VolumeSpecification: { VolumeType: 'gp3', SizeInGB: 64 }, Device: '/dev/sdb' }];
const fleets = [
  {
    Id: 'if-1PRIMARYXXXX',
    Name: 'primary',
    InstanceFleetType: 'MASTER' as const,
    Status: { State: 'RUNNING' as const },
    TargetOnDemandCapacity: 1,
    TargetSpotCapacity: 0,
    ProvisionedOnDemandCapacity: 1,
    ProvisionedSpotCapacity: 0,
    InstanceTypeSpecifications: [{ InstanceType: 'm6g.xlarge', WeightedCapacity: 1, EbsBlockDevices: ebs }],
  },
  {
    Id: 'if-2COREXXXXXXX',
    Name: 'core',
    InstanceFleetType: 'CORE' as const,
    Status: { State: 'RUNNING' as const },
    TargetOnDemandCapacity: 0,
    TargetSpotCapacity: 2,
    ProvisionedOnDemandCapacity: 0,
    ProvisionedSpotCapacity: 2,
    InstanceTypeSpecifications: [
      { InstanceType: 'm6g.xlarge', WeightedCapacity: 1, EbsBlockDevices: ebs },
      { InstanceType: 'm7g.xlarge', WeightedCapacity: 1, EbsBlockDevices: ebs },
    ],
  },
];

const spec = emrClusterSpecFixture('hadoop', {
  tags: { 'cws:managed': 'true', 'cws:template': 'emr-spark-cluster' },
});

function describes() {
  emrMock
    .on(DescribeClusterCommand)
    .resolves({ Cluster: cluster })
    .on(ListInstanceFleetsCommand)
    .resolves({ InstanceFleets: fleets })
    .on(GetAutoTerminationPolicyCommand)
    .resolves({ AutoTerminationPolicy: { IdleTimeout: 3600 } })
    .on(GetManagedScalingPolicyCommand)
    .resolves({
      ManagedScalingPolicy: {
        ComputeLimits: { UnitType: 'InstanceFleetUnits', MinimumCapacityUnits: 3, MaximumCapacityUnits: 7 },
      },
    });
}

beforeEach(() => emrMock.reset());

describe('EmrClusters (EMR on EC2 through the SDK)', () => {
  it('lists live and recently ended clusters, keeping only the tagged ones, with fleets and policies', async () => {
    emrMock
      .on(ListClustersCommand, {
        ClusterStates: ['STARTING', 'BOOTSTRAPPING', 'RUNNING', 'WAITING', 'TERMINATING'],
      })
      .resolves({ Clusters: [{ Id: 'j-2AXXXXXXGAPLF' }, { Id: 'j-OTHERSXXXXXX' }] })
      .on(ListClustersCommand, { ClusterStates: ['TERMINATED', 'TERMINATED_WITH_ERRORS'] })
      .resolves({ Clusters: [] });
    describes();
    emrMock
      .on(DescribeClusterCommand, { ClusterId: 'j-OTHERSXXXXXX' })
      .resolves({ Cluster: { ...cluster, Id: 'j-OTHERSXXXXXX', Name: 'someone-else', Tags: [] } });
    const listed = await adapter.listClusters(['us-east-1']);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      id: 'j-2AXXXXXXGAPLF',
      state: 'WAITING',
      applications: ['Spark', 'Hive'],
      auto_termination_idle_minutes: 60,
      managed_scaling: { min: 2, max: 6 },
      ebs_gb: 64,
      created_at: created.toISOString(),
      ready_at: ready.toISOString(),
    });
    expect(listed[0]?.fleets[1]).toMatchObject({
      id: 'if-2COREXXXXXXX',
      role: 'core',
      instance_types: ['m6g.xlarge', 'm7g.xlarge'],
      spot: 2,
      provisioned_spot: 2,
    });
    const ended = emrMock.commandCalls(ListClustersCommand)[1]?.args[0].input;
    expect(ended?.CreatedAfter).toEqual(new Date('2026-12-05T08:00:00Z'));
  });

  it('creates with RunJobFlow: instance fleets in the subnets, spot fallback, scaling, idle timeout and tags', async () => {
    emrMock.on(RunJobFlowCommand).resolves({ JobFlowId: 'j-2AXXXXXXGAPLF' });
    describes();
    const made = await adapter.createCluster(spec);
    expect(made.id).toBe('j-2AXXXXXXGAPLF');
    const input = emrMock.commandCalls(RunJobFlowCommand)[0]!.args[0].input;
    expect(input).toMatchObject({
      Name: 'hadoop',
      ReleaseLabel: 'emr-7.5.0',
      Applications: [{ Name: 'Spark' }, { Name: 'Hive' }],
      ServiceRole: spec.service_role,
      JobFlowRole: 'cws-tui-emr-cluster-node',
      LogUri: spec.log_uri,
      AutoTerminationPolicy: { IdleTimeout: 3600 },
      ManagedScalingPolicy: {
        ComputeLimits: { UnitType: 'InstanceFleetUnits', MinimumCapacityUnits: 3, MaximumCapacityUnits: 7 },
      },
      Instances: { Ec2SubnetIds: ['subnet-0123456789abcdef0'], KeepJobFlowAliveWhenNoSteps: true },
      Tags: expect.arrayContaining([{ Key: 'cws:managed', Value: 'true' }]),
    });
    const core = input.Instances?.InstanceFleets?.[1];
    expect(core).toMatchObject({
      InstanceFleetType: 'CORE',
      TargetOnDemandCapacity: 0,
      TargetSpotCapacity: 2,
      LaunchSpecifications: { SpotSpecification: { TimeoutAction: 'SWITCH_TO_ON_DEMAND' } },
    });
    expect(core?.InstanceTypeConfigs?.[0]?.EbsConfiguration?.EbsBlockDeviceConfigs?.[0]).toEqual({
      VolumeSpecification: { VolumeType: 'gp3', SizeInGB: 64 },
      VolumesPerInstance: 1,
    });
  });

  it('a release EMR does not know is its ValidationException, named with the action', async () => {
    emrMock
      .on(RunJobFlowCommand)
      .rejects(
        awsServiceError('ValidationException', 'The requested release label emr-7.99.0 is not valid.'),
      );
    await expect(adapter.createCluster({ ...spec, release_label: 'emr-7.99.0' })).rejects.toMatchObject({
      name: 'CloudError',
      code: 'ValidationException',
      message: expect.stringContaining('emr-7.99.0'),
    });
  });

  it('an unknown cluster is InvalidRequestException; throttling is reported as throttled', async () => {
    emrMock.on(DescribeClusterCommand).rejects(
      new InvalidRequestException({
        message: "Cluster id 'j-NOPE' is not valid.",
        ErrorCode: 'INVALID_REQUEST',
        $metadata: { httpStatusCode: 400, requestId: 'req-1' },
      }),
    );
    await expect(adapter.describeCluster('us-east-1', 'j-NOPE')).rejects.toMatchObject({
      code: 'InvalidRequestException',
    });
    emrMock.on(ListClustersCommand).rejects(awsServiceError('ThrottlingException', 'Rate exceeded'));
    await expect(adapter.listClusters(['us-east-1'])).rejects.toMatchObject({
      name: 'CloudError',
      kind: 'throttled',
    });
  });

  it('resizes a fleet, terminates, adds a command-runner step, lists and cancels steps', async () => {
    emrMock
      .on(ModifyInstanceFleetCommand)
      .resolves({})
      .on(TerminateJobFlowsCommand)
      .resolves({})
      .on(AddJobFlowStepsCommand)
      .resolves({ StepIds: ['s-0123456789ABC'] })
      .on(ListStepsCommand)
      .resolves({
        Steps: [
          {
            Id: 's-0123456789ABC',
            Name: 'etl',
            Config: { Jar: 'command-runner.jar', Args: ['spark-submit', 's3://b/etl.py'] },
            Status: {
              State: 'FAILED',
              FailureDetails: { Reason: 'Unknown Error.', Message: 'ValueError: no column named station' },
              Timeline: { CreationDateTime: created, StartDateTime: ready, EndDateTime: now },
            },
          },
        ],
      })
      .on(CancelStepsCommand)
      .resolves({
        CancelStepsInfoList: [
          { StepId: 's-0123456789ABC', Status: 'FAILED', Reason: 'Step is in FAILED state' },
        ],
      });
    await adapter.resizeFleet('us-east-1', 'j-2AXXXXXXGAPLF', 'if-2COREXXXXXXX', { on_demand: 0, spot: 4 });
    expect(emrMock.commandCalls(ModifyInstanceFleetCommand)[0]!.args[0].input).toEqual({
      ClusterId: 'j-2AXXXXXXGAPLF',
      InstanceFleet: { InstanceFleetId: 'if-2COREXXXXXXX', TargetOnDemandCapacity: 0, TargetSpotCapacity: 4 },
    });
    await adapter.terminateCluster('us-east-1', 'j-2AXXXXXXGAPLF');
    expect(emrMock.commandCalls(TerminateJobFlowsCommand)[0]!.args[0].input).toEqual({
      JobFlowIds: ['j-2AXXXXXXGAPLF'],
    });
    const added = await adapter.addStep({
      region: 'us-east-1',
      cluster_id: 'j-2AXXXXXXGAPLF',
      name: 'etl',
      args: ['spark-submit', 's3://b/etl.py'],
    });
    expect(added.id).toBe('s-0123456789ABC');
    expect(emrMock.commandCalls(AddJobFlowStepsCommand)[0]!.args[0].input.Steps?.[0]).toEqual({
      Name: 'etl',
      ActionOnFailure: 'CONTINUE',
      HadoopJarStep: { Jar: 'command-runner.jar', Args: ['spark-submit', 's3://b/etl.py'] },
    });
    const [step] = await adapter.listSteps('us-east-1', 'j-2AXXXXXXGAPLF');
    expect(step).toMatchObject({
      state: 'FAILED',
      failure: 'Unknown Error.: ValueError: no column named station',
      ended_at: now.toISOString(),
    });
    await expect(adapter.cancelStep('us-east-1', 'j-2AXXXXXXGAPLF', 's-0123456789ABC')).rejects.toMatchObject(
      {
        code: 'CancelStepFailed',
      },
    );
  });
});
