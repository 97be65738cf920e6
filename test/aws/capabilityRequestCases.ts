import {
  AthenaClient,
  BatchGetQueryExecutionCommand,
  CreateWorkGroupCommand,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  GetWorkGroupCommand,
  ListDatabasesCommand,
  ListQueryExecutionsCommand,
  ListTableMetadataCommand,
  ListWorkGroupsCommand,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
  UpdateWorkGroupCommand,
} from '@aws-sdk/client-athena';
import {
  CreateStudioCommand,
  DescribeStudioCommand,
  EMRClient,
  ListStudiosCommand,
} from '@aws-sdk/client-emr';
import {
  CancelJobRunCommand,
  CreateApplicationCommand,
  DeleteApplicationCommand,
  EMRServerlessClient,
  GetApplicationCommand,
  GetDashboardForJobRunCommand,
  GetJobRunCommand,
  ListApplicationsCommand,
  ListJobRunsCommand,
  StartApplicationCommand,
  StartJobRunCommand,
  StopApplicationCommand,
} from '@aws-sdk/client-emr-serverless';
import {
  CreateDataRepositoryAssociationCommand,
  CreateDataRepositoryTaskCommand,
  CreateFileSystemCommand,
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DeleteFileSystemCommand,
  DescribeDataRepositoryAssociationsCommand,
  DescribeDataRepositoryTasksCommand,
  DescribeFileSystemsCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  FSxClient,
  RestoreVolumeFromSnapshotCommand,
} from '@aws-sdk/client-fsx';
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutBucketTaggingCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { capacityText, workerGroupConfig } from '../../source/aws/emr/emrServerlessShapes.js';
import { DATA_REPOSITORY_PATH } from '../../source/aws/fsx/FsxLustreRepositories.js';
import { TASK_TYPES } from '../../source/aws/fsx/toFsxFileSystem.js';
import { stagingBucketName } from '../../source/core/bigdata/stagingBucketName.js';
import { analyticsCases, analyticsClients } from './analyticsRequestCases.js';
import { clusterCases, clusterClients } from './clusterRequestCases.js';
import { dataPrepCases, dataPrepClients } from './dataPrepRequestCases.js';
import { type CapturedRequest, capturingClientConfig as config } from './serializedRequest.js';

/** Clients of the analytics, big-data, registry and FSx adapters, sending to the capturing handler. */
export const capabilityClients = {
  athena: new AthenaClient(config),
  emrServerless: new EMRServerlessClient(config),
  emr: new EMRClient(config),
  s3: new S3Client(config),
  fsx: new FSxClient(config),
  ...analyticsClients,
  ...dataPrepClients,
  ...clusterClients,
};

export interface CapabilityCase {
  client: keyof typeof capabilityClients;
  protocol: CapturedRequest['protocol'];
  command: { input: unknown; constructor: { name: string } };
}

const on = (
  client: CapabilityCase['client'],
  protocol: CapabilityCase['protocol'],
  ...commands: CapabilityCase['command'][]
): CapabilityCase[] => commands.map((command) => ({ client, protocol, command }));

const ACCOUNT = '123456789012';
const tags = { 'cws:managed': 'true', 'cws:project': 'genomics' };
const tagList = [
  { Key: 'cws:managed', Value: 'true' },
  { Key: 'cws:project', Value: 'genomics' },
];
const resultConfiguration = {
  OutputLocation: 's3://cws-athena-results-123456789012/genomics/',
  EncryptionConfiguration: {
    EncryptionOption: 'SSE_KMS' as const,
    KmsKey: `arn:aws:kms:us-east-1:${ACCOUNT}:key/1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a5b`,
  },
};
const QUERY = 'b7f3c2d1-4e5a-4b6c-9d8e-0f1a2b3c4d5e';
const APPLICATION = '00fkq2l1m4n5o60p';
const JOB_RUN = '00fkq3r7s8t9u00v';
const STUDIO = 'es-0A1B2C3D4E5F6G7H8I9J0K1L';
const FILE_SYSTEM = 'fs-0a1b2c3d4e5f60718';
const ZFS = 'fs-0f1e2d3c4b5a69788';
const ROOT_VOLUME = 'fsvol-0a1b2c3d4e5f60718';
const SNAPSHOT = 'fsvolsnap-0a1b2c3d4e5f60718';
/** FSx snapshots and clones carry these; file systems carry the project's tags before the Name. */
const fsxTags = (name: string) => [
  { Key: 'cws:managed', Value: 'true' },
  { Key: 'Name', Value: name },
];
const fileSystemTags = (name: string) => [...tagList, { Key: 'Name', Value: name }];
const placement = { SubnetIds: ['subnet-0a1b2c3d4e5f60718'], SecurityGroupIds: ['sg-0123456789abcdef0'] };
const STAGING = stagingBucketName(ACCOUNT, 'eu-west-1');

/** Each command the Athena, EMR Serverless, EMR Studio, S3 and FSx Lustre/OpenZFS adapters send, shaped as they send it. */
export const capabilityCases: CapabilityCase[] = [
  ...on(
    'athena',
    'json',
    new GetWorkGroupCommand({ WorkGroup: 'cws-genomics' }),
    new ListWorkGroupsCommand({}),
    new CreateWorkGroupCommand({
      Name: 'cws-genomics',
      Description: 'cws-tui: queries of one project or lab, with its bytes-scanned limit',
      Configuration: {
        ResultConfiguration: resultConfiguration,
        EnforceWorkGroupConfiguration: true,
        PublishCloudWatchMetricsEnabled: true,
        BytesScannedCutoffPerQuery: 10_737_418_240,
      },
      Tags: tagList,
    }),
    new UpdateWorkGroupCommand({
      WorkGroup: 'cws-genomics',
      State: 'ENABLED',
      ConfigurationUpdates: {
        ResultConfigurationUpdates: resultConfiguration,
        EnforceWorkGroupConfiguration: true,
        PublishCloudWatchMetricsEnabled: true,
        RemoveBytesScannedCutoffPerQuery: true,
      },
    }),
    new StartQueryExecutionCommand({
      QueryString: 'SELECT sample_id, count(*) FROM variants GROUP BY sample_id',
      WorkGroup: 'cws-genomics',
      ClientRequestToken: 'cws-query-2026-12-06T05-50-00Z-variants',
      QueryExecutionContext: { Database: 'genomics' },
    }),
    new GetQueryExecutionCommand({ QueryExecutionId: QUERY }),
    new GetQueryResultsCommand({ QueryExecutionId: QUERY, MaxResults: 100, NextToken: 'AQAB-page-2' }),
    new StopQueryExecutionCommand({ QueryExecutionId: QUERY }),
    new ListQueryExecutionsCommand({ WorkGroup: 'cws-genomics', MaxResults: 50, NextToken: 'AQAB-page-2' }),
    new BatchGetQueryExecutionCommand({ QueryExecutionIds: [QUERY, 'c8a4d3e2-5f6b-4c7d-8e9f-1a2b3c4d5e6f'] }),
    new ListDatabasesCommand({ CatalogName: 'AwsDataCatalog' }),
    new ListTableMetadataCommand({ CatalogName: 'AwsDataCatalog', DatabaseName: 'genomics' }),
  ),
  ...on(
    'emrServerless',
    'rest-json',
    new ListApplicationsCommand({}),
    new GetApplicationCommand({ applicationId: APPLICATION }),
    new CreateApplicationCommand({
      name: 'cws-genomics-spark',
      type: 'SPARK',
      releaseLabel: 'emr-7.5.0',
      architecture: 'ARM64',
      clientToken: 'cws-app-genomics-spark',
      initialCapacity: {
        Driver: workerGroupConfig({ workers: 1, vcpu: 2, memory_gb: 4, disk_gb: 20 }),
        Executor: workerGroupConfig({ workers: 4, vcpu: 4, memory_gb: 16, disk_gb: 50 }),
      },
      maximumCapacity: capacityText({ vcpu: 64, memory_gb: 256, disk_gb: 1000 }),
      autoStartConfiguration: { enabled: true },
      autoStopConfiguration: { enabled: true, idleTimeoutMinutes: 15 },
      networkConfiguration: {
        subnetIds: ['subnet-0a1b2c3d4e5f60718'],
        securityGroupIds: ['sg-0123456789abcdef0'],
      },
      tags,
    }),
    new StartApplicationCommand({ applicationId: APPLICATION }),
    new StopApplicationCommand({ applicationId: APPLICATION }),
    new DeleteApplicationCommand({ applicationId: APPLICATION }),
    new StartJobRunCommand({
      applicationId: APPLICATION,
      clientToken: 'cws-run-variants-2026-12-06',
      executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/cws-tui/cws-emr-serverless-job`,
      name: 'variants',
      jobDriver: {
        sparkSubmit: {
          entryPoint: `s3://${STAGING}/jobs/variants.py`,
          entryPointArguments: ['--input', 's3://genomics-raw/vcf/', '--output', 's3://genomics-out/'],
          sparkSubmitParameters: '--conf spark.executor.cores=4 --conf spark.executor.memory=14g',
        },
      },
      configurationOverrides: {
        monitoringConfiguration: { s3MonitoringConfiguration: { logUri: `s3://${STAGING}/logs/` } },
      },
      retryPolicy: { maxAttempts: 3 },
      tags,
    }),
    new ListJobRunsCommand({ applicationId: APPLICATION }),
    new GetJobRunCommand({ applicationId: APPLICATION, jobRunId: JOB_RUN }),
    new CancelJobRunCommand({ applicationId: APPLICATION, jobRunId: JOB_RUN }),
    new GetDashboardForJobRunCommand({ applicationId: APPLICATION, jobRunId: JOB_RUN }),
  ),
  ...on(
    'emr',
    'json',
    new ListStudiosCommand({}),
    new DescribeStudioCommand({ StudioId: STUDIO }),
    new CreateStudioCommand({
      Name: 'cws-genomics',
      Description: 'EMR Studio of the lab, made by cws-tui',
      AuthMode: 'IAM',
      VpcId: 'vpc-0a1b2c3d4e5f60718',
      SubnetIds: ['subnet-0a1b2c3d4e5f60718', 'subnet-1b2c3d4e5f6071829'],
      ServiceRole: `arn:aws:iam::${ACCOUNT}:role/cws-tui/cws-emr-studio-service`,
      WorkspaceSecurityGroupId: 'sg-0123456789abcdef0',
      EngineSecurityGroupId: 'sg-0fedcba9876543210',
      DefaultS3Location: `s3://${STAGING}/studio/`,
      Tags: tagList,
    }),
  ),
  ...on(
    's3',
    'rest-xml',
    new HeadBucketCommand({ Bucket: STAGING }),
    new CreateBucketCommand({
      Bucket: STAGING,
      CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' },
    }),
    new PutPublicAccessBlockCommand({
      Bucket: STAGING,
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      },
    }),
    new PutBucketTaggingCommand({
      Bucket: STAGING,
      Tagging: { TagSet: [{ Key: 'cws:managed', Value: 'true' }] },
    }),
    new PutObjectCommand({
      Bucket: STAGING,
      Key: 'jobs/variants.py',
      Body: new TextEncoder().encode('print("variants")\n'),
    }),
    new GetObjectCommand({ Bucket: STAGING, Key: 'logs/applications/00fkq2l1m4n5o60p/stdout.gz' }),
    new PutObjectCommand({
      Bucket: 'cws-lab-registry',
      Key: 'registry/templates/rstudio.json',
      Body: new TextEncoder().encode('{"name":"rstudio"}'),
      IfNoneMatch: '*',
    }),
    new HeadObjectCommand({ Bucket: 'cws-lab-registry', Key: 'registry/templates/rstudio.json' }),
    new ListObjectsV2Command({
      Bucket: 'cws-lab-registry',
      Prefix: 'registry/templates/',
      ContinuationToken: '1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=',
    }),
  ),
  ...on(
    'fsx',
    'json',
    new DescribeDataRepositoryAssociationsCommand({
      Filters: [{ Name: 'file-system-id', Values: [FILE_SYSTEM] }],
    }),
    new CreateDataRepositoryAssociationCommand({
      FileSystemId: FILE_SYSTEM,
      FileSystemPath: DATA_REPOSITORY_PATH,
      DataRepositoryPath: 's3://genomics-raw/vcf',
      BatchImportMetaDataOnCreate: true,
      ClientRequestToken: `cws-dra-${FILE_SYSTEM}`,
      S3: {
        AutoImportPolicy: { Events: ['NEW', 'CHANGED', 'DELETED'] },
        AutoExportPolicy: { Events: ['NEW', 'CHANGED', 'DELETED'] },
      },
      Tags: [{ Key: 'cws:managed', Value: 'true' }],
    }),
    new CreateDataRepositoryTaskCommand({
      FileSystemId: FILE_SYSTEM,
      Type: TASK_TYPES.release,
      Paths: ['data/vcf/2026'],
      Report: { Enabled: false },
      ReleaseConfiguration: { DurationSinceLastAccess: { Unit: 'DAYS', Value: 1 } },
      Tags: [{ Key: 'cws:managed', Value: 'true' }],
    }),
    new DescribeDataRepositoryTasksCommand({ TaskIds: ['task-0a1b2c3d4e5f60718'] }),
    new DescribeDataRepositoryTasksCommand({ Filters: [{ Name: 'file-system-id', Values: [FILE_SYSTEM] }] }),
    new RestoreVolumeFromSnapshotCommand({
      VolumeId: ROOT_VOLUME,
      SnapshotId: SNAPSHOT,
      Options: ['DELETE_INTERMEDIATE_SNAPSHOTS'],
      ClientRequestToken: 'cws-restore-fsvolsnap-0a1b2c3d4e5f60718',
    }),
    new DescribeFileSystemsCommand({}),
    new DescribeFileSystemsCommand({ FileSystemIds: [FILE_SYSTEM] }),
    new DescribeVolumesCommand({ VolumeIds: [ROOT_VOLUME] }),
    new CreateFileSystemCommand({
      FileSystemType: 'LUSTRE',
      ClientRequestToken: 'cws-lustre-genomics-scratch',
      StorageCapacity: 1200,
      StorageType: 'SSD',
      ...placement,
      Tags: fileSystemTags('genomics-scratch'),
      FileSystemTypeVersion: '2.15',
      LustreConfiguration: {
        DeploymentType: 'PERSISTENT_2',
        PerUnitStorageThroughput: 125,
        AutomaticBackupRetentionDays: 0,
        DataCompressionType: 'LZ4',
      },
    }),
    new CreateFileSystemCommand({
      FileSystemType: 'OPENZFS',
      ClientRequestToken: 'cws-openzfs-lab-home',
      StorageCapacity: 256,
      StorageType: 'SSD',
      ...placement,
      Tags: fileSystemTags('lab-home'),
      OpenZFSConfiguration: {
        DeploymentType: 'SINGLE_AZ_1',
        ThroughputCapacity: 160,
        AutomaticBackupRetentionDays: 7,
        CopyTagsToBackups: true,
        CopyTagsToVolumes: true,
        RootVolumeConfiguration: {
          DataCompressionType: 'ZSTD',
          NfsExports: [{ ClientConfigurations: [{ Clients: '10.0.0.0/16', Options: ['rw', 'crossmnt'] }] }],
          UserAndGroupQuotas: [{ Type: 'USER', Id: 5001, StorageCapacityQuotaGiB: 50 }],
        },
      },
    }),
    new DeleteFileSystemCommand({
      FileSystemId: FILE_SYSTEM,
      LustreConfiguration: { SkipFinalBackup: true },
    }),
    new DeleteFileSystemCommand({
      FileSystemId: ZFS,
      OpenZFSConfiguration: { SkipFinalBackup: true, Options: ['DELETE_CHILD_VOLUMES_AND_SNAPSHOTS'] },
    }),
    new CreateSnapshotCommand({
      VolumeId: ROOT_VOLUME,
      Name: 'before-upgrade',
      ClientRequestToken: `cws-${ROOT_VOLUME}-before-upgrade`,
      Tags: fsxTags('before-upgrade'),
    }),
    new DescribeSnapshotsCommand({ Filters: [{ Name: 'volume-id', Values: [ROOT_VOLUME] }] }),
    new CreateVolumeCommand({
      VolumeType: 'OPENZFS',
      Name: 'trial',
      ClientRequestToken: `cws-clone-${SNAPSHOT}-trial`,
      OpenZFSConfiguration: {
        ParentVolumeId: ROOT_VOLUME,
        OriginSnapshot: {
          SnapshotARN: `arn:aws:fsx:us-east-1:${ACCOUNT}:snapshot/${ROOT_VOLUME}/${SNAPSHOT}`,
          CopyStrategy: 'CLONE',
        },
      },
      Tags: fsxTags('trial'),
    }),
  ),
  ...analyticsCases,
  ...dataPrepCases,
  ...clusterCases,
];
