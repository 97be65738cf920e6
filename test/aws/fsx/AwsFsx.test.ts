import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import {
  AuthorizeSecurityGroupIngressCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import {
  BadRequest,
  CreateDataRepositoryAssociationCommand,
  CreateDataRepositoryTaskCommand,
  CreateFileSystemCommand,
  CreateVolumeCommand,
  DeleteFileSystemCommand,
  DescribeDataRepositoryAssociationsCommand,
  DescribeDataRepositoryTasksCommand,
  DescribeFileSystemsCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  type FileSystem,
  FileSystemNotFound,
  FSxClient,
  ServiceLimitExceeded,
} from '@aws-sdk/client-fsx';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { Ec2Network } from '../../../source/aws/ec2Network.js';
import { AwsFsx } from '../../../source/aws/fsx/AwsFsx.js';
import { LUSTRE_RULE_DESCRIPTION } from '../../../source/aws/fsx/fsxPlacement.js';
import { CloudError } from '../../../source/core/CloudError.js';

const fsxMock = mockClient(FSxClient);
const ec2Mock = mockClient(EC2Client);
const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };
const fsxClient = new FSxClient({ region: 'us-east-1', credentials, maxAttempts: 1 });
const ec2Client = new EC2Client({ region: 'us-east-1', credentials, maxAttempts: 1 });
const adapter = () =>
  new AwsFsx({
    fsx: () => fsxClient,
    ec2: () => ec2Client,
    cloudwatch: () => new CloudWatchClient({ region: 'us-east-1', credentials, maxAttempts: 1 }),
    network: new Ec2Network({ ec2: () => ec2Client }),
  });
const metadata = { $metadata: { httpStatusCode: 400, requestId: '5c3e1f0a-1b2c-4d5e-8f90-123456789abc' } };

const LUSTRE_ID = 'fs-0123456789abcdef0';
const ZFS_ID = 'fs-0fedcba9876543210';
const managedTags = [
  { Key: 'cws:managed', Value: 'true' },
  { Key: 'Name', Value: 'scratch' },
];

function lustre(overrides: Partial<FileSystem> = {}): FileSystem {
  return {
    OwnerId: '123456789012',
    CreationTime: new Date('2026-12-01T10:00:00.000Z'),
    FileSystemId: LUSTRE_ID,
    FileSystemType: 'LUSTRE',
    Lifecycle: 'AVAILABLE',
    StorageCapacity: 2400,
    StorageType: 'SSD',
    VpcId: 'vpc-0a1b2c3d',
    SubnetIds: ['subnet-0a1b2c3d'],
    DNSName: `${LUSTRE_ID}.fsx.us-east-1.amazonaws.com`,
    ResourceARN: `arn:aws:fsx:us-east-1:123456789012:file-system/${LUSTRE_ID}`,
    Tags: managedTags,
    FileSystemTypeVersion: '2.15',
    LustreConfiguration: {
      DeploymentType: 'PERSISTENT_2',
      PerUnitStorageThroughput: 250,
      MountName: 'abcdefgh',
      AutomaticBackupRetentionDays: 0,
      DataCompressionType: 'LZ4',
    },
    ...overrides,
  };
}

function openZfs(overrides: Partial<FileSystem> = {}): FileSystem {
  return {
    OwnerId: '123456789012',
    CreationTime: new Date('2026-12-01T11:00:00.000Z'),
    FileSystemId: ZFS_ID,
    FileSystemType: 'OPENZFS',
    Lifecycle: 'CREATING',
    StorageCapacity: 512,
    StorageType: 'SSD',
    DNSName: `${ZFS_ID}.fsx.us-east-1.amazonaws.com`,
    Tags: [
      { Key: 'cws:managed', Value: 'true' },
      { Key: 'Name', Value: 'lab-data' },
    ],
    OpenZFSConfiguration: {
      DeploymentType: 'SINGLE_AZ_1',
      ThroughputCapacity: 128,
      RootVolumeId: 'fsvol-0123456789abcdef0',
      AutomaticBackupRetentionDays: 7,
    },
    ...overrides,
  };
}

function defaultNetwork(rules: { from: number; to: number }[] = []) {
  ec2Mock.on(DescribeSubnetsCommand).resolves({
    Subnets: [
      {
        SubnetId: 'subnet-0a1b2c3d',
        VpcId: 'vpc-0a1b2c3d',
        CidrBlock: '172.31.0.0/20',
        AvailabilityZone: 'us-east-1a',
      },
    ],
  });
  ec2Mock.on(DescribeVpcsCommand).resolves({ Vpcs: [{ VpcId: 'vpc-0a1b2c3d', CidrBlock: '172.31.0.0/16' }] });
  ec2Mock.on(DescribeSecurityGroupsCommand).resolves({
    SecurityGroups: [
      { GroupId: 'sg-0workstations', GroupName: 'cws-tui-workstations', VpcId: 'vpc-0a1b2c3d' },
    ],
  });
  ec2Mock.on(DescribeSecurityGroupRulesCommand).resolves({
    SecurityGroupRules: rules.map((rule, index) => ({
      SecurityGroupRuleId: `sgr-0${index}`,
      GroupId: 'sg-0workstations',
      IsEgress: false,
      IpProtocol: 'tcp',
      FromPort: rule.from,
      ToPort: rule.to,
      ReferencedGroupInfo: { GroupId: 'sg-0workstations' },
    })),
  });
  ec2Mock.on(AuthorizeSecurityGroupIngressCommand).resolves({ Return: true });
}

beforeEach(() => {
  fsxMock.reset();
  ec2Mock.reset();
});

describe('AwsFsx', () => {
  it('creates persistent Lustre in the default subnet and the workstations group, opening Lustre ports between members', async () => {
    defaultNetwork([{ from: 2049, to: 2049 }]);
    fsxMock.on(CreateFileSystemCommand).resolves({ FileSystem: lustre({ Lifecycle: 'CREATING' }) });
    const created = await adapter().createFileSystem('us-east-1', {
      name: 'scratch',
      type: 'lustre',
      deployment: 'persistent2',
      capacity_gib: 2400,
      throughput: 250,
      tags: { 'cws:managed': 'true', 'cws:profile': 'lab' },
    });
    expect(created).toMatchObject({
      id: LUSTRE_ID,
      type: 'lustre',
      deployment: 'persistent2',
      state: 'creating',
      throughput: 250,
      mount_name: 'abcdefgh',
    });
    const authorize = ec2Mock.commandCalls(AuthorizeSecurityGroupIngressCommand)[0]?.args[0].input;
    expect(authorize).toEqual({
      GroupId: 'sg-0workstations',
      IpPermissions: [
        {
          IpProtocol: 'tcp',
          FromPort: 988,
          ToPort: 988,
          UserIdGroupPairs: [{ GroupId: 'sg-0workstations', Description: LUSTRE_RULE_DESCRIPTION }],
        },
        {
          IpProtocol: 'tcp',
          FromPort: 1018,
          ToPort: 1023,
          UserIdGroupPairs: [{ GroupId: 'sg-0workstations', Description: LUSTRE_RULE_DESCRIPTION }],
        },
      ],
    });
    const input = fsxMock.commandCalls(CreateFileSystemCommand)[0]?.args[0].input;
    expect(input).toMatchObject({
      ClientRequestToken: 'cws-lustre-scratch',
      FileSystemType: 'LUSTRE',
      FileSystemTypeVersion: '2.15',
      StorageCapacity: 2400,
      SubnetIds: ['subnet-0a1b2c3d'],
      SecurityGroupIds: ['sg-0workstations'],
      LustreConfiguration: {
        DeploymentType: 'PERSISTENT_2',
        PerUnitStorageThroughput: 250,
        AutomaticBackupRetentionDays: 0,
      },
    });
    expect(input?.Tags).toEqual(
      expect.arrayContaining([
        { Key: 'cws:managed', Value: 'true' },
        { Key: 'cws:profile', Value: 'lab' },
        { Key: 'Name', Value: 'scratch' },
      ]),
    );
  });

  it('leaves Lustre rules alone when present, and takes scratch without a throughput', async () => {
    defaultNetwork([
      { from: 988, to: 988 },
      { from: 1018, to: 1023 },
    ]);
    fsxMock.on(CreateFileSystemCommand).resolves({
      FileSystem: lustre({ LustreConfiguration: { DeploymentType: 'SCRATCH_2', MountName: 'x1y2z3' } }),
    });
    const created = await adapter().createFileSystem('us-east-1', {
      name: 'scratch',
      type: 'lustre',
      deployment: 'scratch2',
      capacity_gib: 1200,
      throughput: 200,
      tags: {},
      subnet_id: 'subnet-0a1b2c3d',
    });
    expect(created).toMatchObject({ deployment: 'scratch2', throughput: 200 });
    expect(ec2Mock.commandCalls(AuthorizeSecurityGroupIngressCommand)).toHaveLength(0);
    expect(ec2Mock.commandCalls(DescribeSubnetsCommand)[0]?.args[0].input).toEqual({
      SubnetIds: ['subnet-0a1b2c3d'],
    });
    expect(fsxMock.commandCalls(CreateFileSystemCommand)[0]?.args[0].input.LustreConfiguration).toEqual({
      DeploymentType: 'SCRATCH_2',
      DataCompressionType: 'LZ4',
    });
  });

  it('creates OpenZFS with quotas by UID, compression and NFS exported to the VPC only; an admin group is used as is', async () => {
    defaultNetwork();
    fsxMock.on(CreateFileSystemCommand).resolves({ FileSystem: openZfs() });
    await adapter().createFileSystem('us-east-1', {
      name: 'lab-data',
      type: 'openzfs',
      deployment: 'single-az-1',
      capacity_gib: 512,
      throughput: 128,
      compression: 'lz4',
      quotas: [{ uid: 2001, gib: 100, user: 'alice' }],
      tags: {},
      security_group_id: 'sg-0admin',
    });
    expect(ec2Mock.commandCalls(DescribeSecurityGroupsCommand)).toHaveLength(0);
    const input = fsxMock.commandCalls(CreateFileSystemCommand)[0]?.args[0].input;
    expect(input?.SecurityGroupIds).toEqual(['sg-0admin']);
    expect(input?.OpenZFSConfiguration).toEqual({
      DeploymentType: 'SINGLE_AZ_1',
      ThroughputCapacity: 128,
      AutomaticBackupRetentionDays: 7,
      CopyTagsToBackups: true,
      CopyTagsToVolumes: true,
      RootVolumeConfiguration: {
        DataCompressionType: 'LZ4',
        NfsExports: [{ ClientConfigurations: [{ Clients: '172.31.0.0/16', Options: ['rw', 'crossmnt'] }] }],
        UserAndGroupQuotas: [{ Type: 'USER', Id: 2001, StorageCapacityQuotaGiB: 100 }],
      },
    });
  });

  it('reports FSx quota and bad-request errors as CloudErrors with their codes', async () => {
    defaultNetwork();
    fsxMock
      .on(CreateFileSystemCommand)
      .rejectsOnce(
        new ServiceLimitExceeded({
          message: 'Account has reached its limit of 100 file systems.',
          Limit: 'FILE_SYSTEM_COUNT',
          ...metadata,
        }),
      )
      .rejectsOnce(
        new BadRequest({ message: 'StorageCapacity must be 1200 or a multiple of 2400.', ...metadata }),
      );
    const request = {
      name: 's',
      type: 'lustre' as const,
      deployment: 'scratch2' as const,
      capacity_gib: 1200,
      throughput: 200,
      tags: {},
    };
    await expect(adapter().createFileSystem('us-east-1', request)).rejects.toMatchObject({
      kind: 'quota',
      code: 'ServiceLimitExceeded',
    });
    const second = await adapter()
      .createFileSystem('us-east-1', request)
      .catch((error: unknown) => error);
    expect(second).toBeInstanceOf(CloudError);
    expect(second).toMatchObject({ kind: 'invalid-parameter', code: 'BadRequest' });
  });

  it('lists only the app file systems with their S3 link and root volume quotas, in one call of each kind', async () => {
    fsxMock
      .on(DescribeFileSystemsCommand)
      .resolvesOnce({ FileSystems: [lustre()], NextToken: 'page-2' })
      .resolvesOnce({ FileSystems: [openZfs(), lustre({ FileSystemId: 'fs-0aaaaaaaaaaaaaaaa', Tags: [] })] });
    fsxMock.on(DescribeDataRepositoryAssociationsCommand).resolves({
      Associations: [
        {
          AssociationId: 'dra-0123456789abcdef0',
          FileSystemId: LUSTRE_ID,
          Lifecycle: 'AVAILABLE',
          FileSystemPath: '/data',
          DataRepositoryPath: 's3://lab-data/runs/',
          S3: {
            AutoImportPolicy: { Events: ['NEW', 'CHANGED', 'DELETED'] },
            AutoExportPolicy: { Events: [] },
          },
        },
      ],
    });
    fsxMock.on(DescribeVolumesCommand).resolves({
      Volumes: [
        {
          VolumeId: 'fsvol-0123456789abcdef0',
          FileSystemId: ZFS_ID,
          VolumeType: 'OPENZFS',
          OpenZFSConfiguration: {
            DataCompressionType: 'ZSTD',
            UserAndGroupQuotas: [
              { Type: 'USER', Id: 2001, StorageCapacityQuotaGiB: 100 },
              { Type: 'GROUP', Id: 3000, StorageCapacityQuotaGiB: 400 },
            ],
          },
        },
      ],
    });
    const listed = await adapter().listFileSystems(['us-east-1']);
    expect(listed.map((fs) => fs.id)).toEqual([LUSTRE_ID, ZFS_ID]);
    expect(listed[0]?.data_repository).toEqual({
      association_id: 'dra-0123456789abcdef0',
      s3_path: 's3://lab-data/runs/',
      file_system_path: '/data',
      auto_import: true,
      auto_export: false,
      state: 'available',
    });
    expect(listed[1]).toMatchObject({
      state: 'creating',
      compression: 'zstd',
      quotas: [{ uid: 2001, gib: 100 }],
      backup_retention_days: 7,
    });
    expect(fsxMock.commandCalls(DescribeDataRepositoryAssociationsCommand)[0]?.args[0].input).toEqual({
      Filters: [{ Name: 'file-system-id', Values: [LUSTRE_ID] }],
    });
  });

  it('finds nothing for an unknown id instead of failing', async () => {
    fsxMock
      .on(DescribeFileSystemsCommand)
      .rejects(
        new FileSystemNotFound({ message: 'File system fs-0bbbbbbbbbbbbbbbb does not exist.', ...metadata }),
      );
    expect(await adapter().findFileSystem('us-east-1', 'fs-0bbbbbbbbbbbbbbbb')).toBeUndefined();
  });

  it('links S3 once with the chosen policies, and returns an existing link on a rerun', async () => {
    fsxMock.on(DescribeDataRepositoryAssociationsCommand).resolvesOnce({ Associations: [] });
    fsxMock.on(CreateDataRepositoryAssociationCommand).resolves({
      Association: {
        AssociationId: 'dra-0fedcba9876543210',
        FileSystemId: LUSTRE_ID,
        Lifecycle: 'CREATING',
        FileSystemPath: '/data',
        DataRepositoryPath: 's3://lab-data/runs/',
        S3: { AutoExportPolicy: { Events: ['NEW', 'CHANGED', 'DELETED'] } },
      },
    });
    const linked = await adapter().linkDataRepository('us-east-1', LUSTRE_ID, {
      s3_path: 's3://lab-data/runs/',
      auto_import: false,
      auto_export: true,
    });
    expect(linked).toMatchObject({ auto_import: false, auto_export: true, state: 'creating' });
    expect(fsxMock.commandCalls(CreateDataRepositoryAssociationCommand)[0]?.args[0].input).toMatchObject({
      FileSystemId: LUSTRE_ID,
      FileSystemPath: '/data',
      DataRepositoryPath: 's3://lab-data/runs/',
      BatchImportMetaDataOnCreate: false,
      S3: { AutoExportPolicy: { Events: ['NEW', 'CHANGED', 'DELETED'] } },
    });
    fsxMock.on(DescribeDataRepositoryAssociationsCommand).resolves({
      Associations: [
        {
          AssociationId: 'dra-0fedcba9876543210',
          FileSystemId: LUSTRE_ID,
          Lifecycle: 'AVAILABLE',
          DataRepositoryPath: 's3://lab-data/runs/',
        },
      ],
    });
    await adapter().linkDataRepository('us-east-1', LUSTRE_ID, {
      s3_path: 's3://lab-data/runs/',
      auto_import: false,
      auto_export: true,
    });
    expect(fsxMock.commandCalls(CreateDataRepositoryAssociationCommand)).toHaveLength(1);
  });

  it('starts a release task for files not read for a day and reads its progress', async () => {
    fsxMock.on(CreateDataRepositoryTaskCommand).resolves({
      DataRepositoryTask: {
        TaskId: 'task-0123456789abcdef0',
        Lifecycle: 'PENDING',
        Type: 'RELEASE_DATA_FROM_FILESYSTEM',
        CreationTime: new Date('2026-12-01T12:00:00.000Z'),
        FileSystemId: LUSTRE_ID,
      },
    });
    fsxMock.on(DescribeDataRepositoryTasksCommand).resolves({
      DataRepositoryTasks: [
        {
          TaskId: 'task-0123456789abcdef0',
          Lifecycle: 'EXECUTING',
          Type: 'RELEASE_DATA_FROM_FILESYSTEM',
          CreationTime: new Date('2026-12-01T12:00:00.000Z'),
          FileSystemId: LUSTRE_ID,
          Status: { TotalCount: 1000, SucceededCount: 400, FailedCount: 2 },
        },
      ],
    });
    const fsx = adapter();
    const fileSystem = {
      id: LUSTRE_ID,
      region: 'us-east-1',
      type: 'lustre',
      data_repository: { file_system_path: '/data' },
    } as Parameters<typeof fsx.startTask>[1];
    const started = await fsx.startTask('us-east-1', fileSystem, 'release');
    expect(started).toMatchObject({ kind: 'release', state: 'pending' });
    expect(fsxMock.commandCalls(CreateDataRepositoryTaskCommand)[0]?.args[0].input).toMatchObject({
      Type: 'RELEASE_DATA_FROM_FILESYSTEM',
      Paths: ['data'],
      Report: { Enabled: false },
      ReleaseConfiguration: { DurationSinceLastAccess: { Unit: 'DAYS', Value: 1 } },
    });
    expect(await fsx.describeTask('us-east-1', started.id)).toMatchObject({
      state: 'executing',
      total: 1000,
      succeeded: 400,
      failed: 2,
    });
  });

  it('deletes without a final backup, and OpenZFS with its child volumes and snapshots', async () => {
    fsxMock
      .on(DescribeFileSystemsCommand, { FileSystemIds: [LUSTRE_ID] })
      .resolves({ FileSystems: [lustre()] });
    fsxMock
      .on(DescribeFileSystemsCommand, { FileSystemIds: [ZFS_ID] })
      .resolves({ FileSystems: [openZfs()] });
    fsxMock.on(DescribeDataRepositoryAssociationsCommand).resolves({ Associations: [] });
    fsxMock.on(DescribeVolumesCommand).resolves({ Volumes: [] });
    fsxMock.on(DeleteFileSystemCommand).resolves({ Lifecycle: 'DELETING' });
    await adapter().deleteFileSystem('us-east-1', LUSTRE_ID);
    await adapter().deleteFileSystem('us-east-1', ZFS_ID);
    const inputs = fsxMock.commandCalls(DeleteFileSystemCommand).map((call) => call.args[0].input);
    expect(inputs).toEqual([
      { FileSystemId: LUSTRE_ID, LustreConfiguration: { SkipFinalBackup: true } },
      {
        FileSystemId: ZFS_ID,
        OpenZFSConfiguration: { SkipFinalBackup: true, Options: ['DELETE_CHILD_VOLUMES_AND_SNAPSHOTS'] },
      },
    ]);
  });

  it('clones a snapshot by its ARN into a child volume of the root volume', async () => {
    fsxMock.on(DescribeSnapshotsCommand).resolves({
      Snapshots: [
        {
          SnapshotId: 'fsvolsnap-0123456789abcdef0',
          Name: 'before-run',
          VolumeId: 'fsvol-0123456789abcdef0',
          Lifecycle: 'AVAILABLE',
          CreationTime: new Date('2026-12-01T12:00:00.000Z'),
          ResourceARN:
            'arn:aws:fsx:us-east-1:123456789012:snapshot/fsvol-0123456789abcdef0/fsvolsnap-0123456789abcdef0',
        },
      ],
    });
    fsxMock.on(CreateVolumeCommand).resolves({
      Volume: {
        VolumeId: 'fsvol-0cccccccccccccccc',
        Name: 'run-42',
        FileSystemId: ZFS_ID,
        Lifecycle: 'CREATING',
        OpenZFSConfiguration: { VolumePath: '/fsx/run-42' },
      },
    });
    const fileSystem = {
      id: ZFS_ID,
      type: 'openzfs',
      root_volume_id: 'fsvol-0123456789abcdef0',
    } as Parameters<AwsFsx['cloneSnapshot']>[1];
    const clone = await adapter().cloneSnapshot(
      'us-east-1',
      fileSystem,
      'fsvolsnap-0123456789abcdef0',
      'run-42',
    );
    expect(clone).toMatchObject({
      id: 'fsvol-0cccccccccccccccc',
      junction_path: '/fsx/run-42',
      state: 'creating',
    });
    expect(fsxMock.commandCalls(CreateVolumeCommand)[0]?.args[0].input.OpenZFSConfiguration).toEqual({
      ParentVolumeId: 'fsvol-0123456789abcdef0',
      OriginSnapshot: {
        SnapshotARN:
          'arn:aws:fsx:us-east-1:123456789012:snapshot/fsvol-0123456789abcdef0/fsvolsnap-0123456789abcdef0',
        CopyStrategy: 'CLONE',
      },
    });
    await expect(
      adapter().cloneSnapshot('us-east-1', fileSystem, 'fsvolsnap-0dddddddddddddddd', 'x'),
    ).rejects.toMatchObject({ code: 'SnapshotNotFound' });
  });
});
