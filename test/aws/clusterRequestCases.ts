import {
  DescribeLifecycleConfigurationCommand,
  EFSClient,
  PutLifecycleConfigurationCommand,
} from '@aws-sdk/client-efs';
import {
  AddJobFlowStepsCommand,
  CancelStepsCommand,
  DescribeClusterCommand,
  EMRClient,
  GetAutoTerminationPolicyCommand,
  GetManagedScalingPolicyCommand,
  ListClustersCommand,
  ListInstanceFleetsCommand,
  ListStepsCommand,
  ModifyInstanceFleetCommand,
  RunJobFlowCommand,
  TerminateJobFlowsCommand,
} from '@aws-sdk/client-emr';
import { FSxClient, UpdateFileSystemCommand } from '@aws-sdk/client-fsx';
import { runJobFlowInput } from '../../source/aws/emr/emrClusterShapes.js';
import { emrClusterSpecFixture } from '../core/bigdata/emrClusterSpecFixture.js';
import { capturingClientConfig as config } from './serializedRequest.js';

/** Clients of the EMR on EC2 cluster adapter and of the storage findings' fixes. */
export const clusterClients = {
  emrClusters: new EMRClient(config),
  efsLifecycle: new EFSClient(config),
  fsxThroughput: new FSxClient(config),
};

const CLUSTER = 'j-2AXXXXXXGAPLF';
const FLEET = 'if-1VRE4EXAMPLE';
const STEP = 's-3MXXXXXXXXP1Y';
const EFS = 'fs-0123456789abcdef0';

/** A cluster as `bigdata cluster create` plans it from the emr-spark-cluster template. */
const spec = emrClusterSpecFixture('spark-lab', {
  applications: ['Spark', 'Hive', 'Livy', 'JupyterEnterpriseGateway'],
  subnet_ids: ['subnet-0123456789abcdef0', 'subnet-0fedcba9876543210'],
  tags: { 'cws:managed': 'true', 'cws:template': 'emr-spark-cluster', 'cws:research-user': 'ada' },
});

type Client = keyof typeof clusterClients;
const json = (client: Client, ...commands: { input: unknown; constructor: { name: string } }[]) =>
  commands.map((command) => ({ client, protocol: 'json' as const, command }));

/** Each command the EMR cluster, EFS lifecycle and FSx throughput adapters send, shaped as they send it. */
export const clusterCases = [
  ...json(
    'emrClusters',
    new ListClustersCommand({
      ClusterStates: ['STARTING', 'BOOTSTRAPPING', 'RUNNING', 'WAITING', 'TERMINATING'],
    }),
    new ListClustersCommand({
      ClusterStates: ['TERMINATED', 'TERMINATED_WITH_ERRORS'],
      CreatedAfter: new Date('2026-12-05T08:00:00Z'),
    }),
    new DescribeClusterCommand({ ClusterId: CLUSTER }),
    new ListInstanceFleetsCommand({ ClusterId: CLUSTER }),
    new GetAutoTerminationPolicyCommand({ ClusterId: CLUSTER }),
    new GetManagedScalingPolicyCommand({ ClusterId: CLUSTER }),
    new RunJobFlowCommand(runJobFlowInput(spec)),
    new ModifyInstanceFleetCommand({
      ClusterId: CLUSTER,
      InstanceFleet: { InstanceFleetId: FLEET, TargetOnDemandCapacity: 0, TargetSpotCapacity: 4 },
    }),
    new TerminateJobFlowsCommand({ JobFlowIds: [CLUSTER] }),
    new AddJobFlowStepsCommand({
      JobFlowId: CLUSTER,
      Steps: [
        {
          Name: 'etl_csv_to_parquet.py',
          ActionOnFailure: 'CONTINUE',
          HadoopJarStep: {
            Jar: 'command-runner.jar',
            Args: [
              'spark-submit',
              '--deploy-mode',
              'cluster',
              's3://cws-tui-staging-123456789012-us-east-1/bigdata/jobs/etl_csv_to_parquet.py',
            ],
          },
        },
      ],
    }),
    new ListStepsCommand({ ClusterId: CLUSTER }),
    new CancelStepsCommand({ ClusterId: CLUSTER, StepIds: [STEP] }),
  ),
  ...[
    new DescribeLifecycleConfigurationCommand({ FileSystemId: EFS }),
    new PutLifecycleConfigurationCommand({
      FileSystemId: EFS,
      LifecyclePolicies: [
        { TransitionToIA: 'AFTER_30_DAYS' },
        { TransitionToPrimaryStorageClass: 'AFTER_1_ACCESS' },
        { TransitionToArchive: 'AFTER_90_DAYS' },
      ],
    }),
  ].map((command) => ({ client: 'efsLifecycle' as const, protocol: 'rest-json' as const, command })),
  ...json(
    'fsxThroughput',
    new UpdateFileSystemCommand({
      FileSystemId: 'fs-0a1b2c3d4e5f60718',
      LustreConfiguration: { PerUnitStorageThroughput: 125 },
    }),
    new UpdateFileSystemCommand({
      FileSystemId: 'fs-0f1e2d3c4b5a69788',
      OpenZFSConfiguration: { ThroughputCapacity: 160 },
    }),
  ),
];
