import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  AccessPointAlreadyExists,
  CreateAccessPointCommand,
  CreateFileSystemCommand,
  CreateMountTargetCommand,
  DeleteAccessPointCommand,
  DeleteFileSystemCommand,
  DeleteMountTargetCommand,
  DescribeAccessPointsCommand,
  DescribeFileSystemsCommand,
  DescribeMountTargetsCommand,
  EFSClient,
  FileSystemAlreadyExists,
  type FileSystemDescription,
  MountTargetConflict,
} from '@aws-sdk/client-efs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { Ec2Network } from '../../source/aws/ec2Network.js';
import { EfsStorage } from '../../source/aws/efsStorage.js';
import { CloudError } from '../../source/core/CloudError.js';
import { rejectionOf } from './rejectionOf.js';

const efsMock = mockClient(EFSClient);
const ec2Mock = mockClient(EC2Client);
const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };
const efsClient = new EFSClient({ region: 'us-east-1', credentials, maxAttempts: 1 });
const ec2Client = new EC2Client({ region: 'us-east-1', credentials, maxAttempts: 1 });
let sleeps = 0;
const storage = () =>
  new EfsStorage({
    efs: () => efsClient,
    ec2: () => ec2Client,
    network: new Ec2Network({ ec2: () => ec2Client }),
    sleep: async () => {
      sleeps += 1;
    },
  });
const metadata = { $metadata: { httpStatusCode: 409 } };

function fileSystem(overrides: Partial<FileSystemDescription> = {}): FileSystemDescription {
  return {
    OwnerId: '123456789012',
    CreationToken: 'cws-lab-share',
    FileSystemId: 'fs-0a1b2c3d4e5f67890',
    CreationTime: new Date('2026-10-01T12:00:00.000Z'),
    LifeCycleState: 'available',
    Name: 'lab-share',
    NumberOfMountTargets: 1,
    SizeInBytes: { Value: 6144 * 1024 * 1024 },
    PerformanceMode: 'generalPurpose',
    ThroughputMode: 'elastic',
    Encrypted: true,
    Tags: [
      { Key: 'Name', Value: 'lab-share' },
      { Key: 'cws:managed', Value: 'true' },
      { Key: 'cws:project', Value: 'genomics' },
    ],
    ...overrides,
  };
}

beforeEach(() => {
  efsMock.reset();
  ec2Mock.reset();
  sleeps = 0;
});

describe('EfsStorage file systems', () => {
  it('lists only managed file systems, across pages and regions', async () => {
    efsMock
      .on(DescribeFileSystemsCommand)
      .callsFake(async (input: { Marker?: string }) =>
        input.Marker === 'm2'
          ? { FileSystems: [fileSystem({ FileSystemId: 'fs-other', Name: 'someone-else', Tags: [] })] }
          : { FileSystems: [fileSystem()], NextMarker: 'm2' },
      );
    const systems = await storage().listFileSystems(['us-east-1', 'us-west-2']);
    expect(systems[0]).toEqual({
      id: 'fs-0a1b2c3d4e5f67890',
      name: 'lab-share',
      region: 'us-east-1',
      state: 'available',
      size_bytes: 6442450944,
      created_at: '2026-10-01T12:00:00.000Z',
      tags: { Name: 'lab-share', 'cws:managed': 'true', 'cws:project': 'genomics' },
    });
    expect(systems.map((system) => `${system.region}/${system.id}`)).toEqual([
      'us-east-1/fs-0a1b2c3d4e5f67890',
      'us-west-2/fs-0a1b2c3d4e5f67890',
    ]);
    expect(efsMock.commandCalls(DescribeFileSystemsCommand)).toHaveLength(4);
  });

  it('creates an encrypted, elastic, tagged file system idempotently by creation token', async () => {
    efsMock.on(CreateFileSystemCommand).resolves(fileSystem({ LifeCycleState: 'creating' }));
    const created = await storage().createFileSystem('us-east-1', 'lab-share', { 'cws:project': 'genomics' });
    const input = efsMock.commandCalls(CreateFileSystemCommand)[0]!.args[0].input;
    expect(input).toMatchObject({
      CreationToken: 'cws-lab-share',
      Encrypted: true,
      PerformanceMode: 'generalPurpose',
      ThroughputMode: 'elastic',
    });
    expect(input.Tags).toEqual([
      { Key: 'cws:project', Value: 'genomics' },
      { Key: 'cws:managed', Value: 'true' },
      { Key: 'Name', Value: 'lab-share' },
    ]);
    expect(created.state).toBe('creating');
  });

  it('returns the file system an earlier attempt created', async () => {
    efsMock
      .on(CreateFileSystemCommand)
      .rejects(
        new FileSystemAlreadyExists({
          message: 'File system already exists',
          ErrorCode: 'FileSystemAlreadyExists',
          FileSystemId: 'fs-0a1b2c3d4e5f67890',
          ...metadata,
        }),
      )
      .on(DescribeFileSystemsCommand, { CreationToken: 'cws-lab-share' })
      .resolves({ FileSystems: [fileSystem()] });
    expect((await storage().createFileSystem('us-east-1', 'lab-share', {})).id).toBe('fs-0a1b2c3d4e5f67890');
  });
});

describe('EfsStorage.ensureMountTarget', () => {
  const group = {
    GroupId: 'sg-0ws',
    VpcId: 'vpc-0def',
    IpPermissions: [
      { IpProtocol: 'tcp', FromPort: 2049, ToPort: 2049, UserIdGroupPairs: [{ GroupId: 'sg-0ws' }] },
    ],
  };

  it('waits for a new file system, then mounts it in each default subnet lacking one, in the workstation group', async () => {
    efsMock
      .on(DescribeFileSystemsCommand)
      .resolvesOnce({ FileSystems: [fileSystem({ LifeCycleState: 'creating' })] })
      .resolves({ FileSystems: [fileSystem()] })
      .on(DescribeMountTargetsCommand)
      .resolves({
        MountTargets: [
          {
            MountTargetId: 'fsmt-1',
            FileSystemId: 'fs-0a1b2c3d4e5f67890',
            SubnetId: 'subnet-a',
            AvailabilityZoneName: 'us-east-1a',
            LifeCycleState: 'available',
          },
        ],
      })
      .on(CreateMountTargetCommand)
      .resolvesOnce({ MountTargetId: 'fsmt-2' })
      .rejects(
        new MountTargetConflict({
          message: 'mount target already exists in this AZ',
          ErrorCode: 'MountTargetConflict',
          ...metadata,
        }),
      );
    ec2Mock
      .on(DescribeSubnetsCommand)
      .resolves({
        Subnets: [
          { SubnetId: 'subnet-a', AvailabilityZone: 'us-east-1a', VpcId: 'vpc-0def' },
          { SubnetId: 'subnet-b', AvailabilityZone: 'us-east-1b', VpcId: 'vpc-0def' },
          { SubnetId: 'subnet-c', AvailabilityZone: 'us-east-1c', VpcId: 'vpc-0def' },
        ],
      })
      .on(DescribeSecurityGroupsCommand)
      .resolves({ SecurityGroups: [group] });
    await storage().ensureMountTarget('us-east-1', 'fs-0a1b2c3d4e5f67890', undefined);
    expect(sleeps).toBe(1);
    const created = efsMock.commandCalls(CreateMountTargetCommand).map((call) => call.args[0].input);
    expect(created).toEqual([
      { FileSystemId: 'fs-0a1b2c3d4e5f67890', SubnetId: 'subnet-b', SecurityGroups: ['sg-0ws'] },
      { FileSystemId: 'fs-0a1b2c3d4e5f67890', SubnetId: 'subnet-c', SecurityGroups: ['sg-0ws'] },
    ]);
  });

  it('waits until every mount target is available before the launch goes on (they take a minute or two)', async () => {
    const target = (state: 'creating' | 'available') => ({
      MountTargets: [
        {
          MountTargetId: 'fsmt-2',
          FileSystemId: 'fs-0a1b2c3d4e5f67890',
          SubnetId: 'subnet-a',
          AvailabilityZoneName: 'us-east-1a',
          LifeCycleState: state,
        },
      ],
    });
    efsMock
      .on(DescribeFileSystemsCommand)
      .resolves({ FileSystems: [fileSystem()] })
      .on(DescribeMountTargetsCommand)
      .resolvesOnce({ MountTargets: [] })
      .resolvesOnce(target('creating'))
      .resolvesOnce(target('creating'))
      .resolves(target('available'))
      .on(CreateMountTargetCommand)
      .resolves({ MountTargetId: 'fsmt-2', LifeCycleState: 'creating' });
    ec2Mock
      .on(DescribeSubnetsCommand)
      .resolves({ Subnets: [{ SubnetId: 'subnet-a', AvailabilityZone: 'us-east-1a', VpcId: 'vpc-0def' }] })
      .on(DescribeSecurityGroupsCommand)
      .resolves({ SecurityGroups: [group] });
    await storage().ensureMountTarget('us-east-1', 'fs-0a1b2c3d4e5f67890', undefined);
    expect(efsMock.commandCalls(DescribeMountTargetsCommand)).toHaveLength(4);
    expect(efsMock.commandCalls(DescribeMountTargetsCommand).map((call) => call.args[0].input)).toEqual(
      Array(4).fill({ FileSystemId: 'fs-0a1b2c3d4e5f67890' }),
    );
    expect(sleeps).toBe(2);
  });

  it('says so when a mount target is in error rather than booting a workstation without its files', async () => {
    efsMock
      .on(DescribeFileSystemsCommand)
      .resolves({ FileSystems: [fileSystem()] })
      .on(DescribeMountTargetsCommand)
      .resolves({
        MountTargets: [
          {
            MountTargetId: 'fsmt-1',
            FileSystemId: 'fs-0a1b2c3d4e5f67890',
            SubnetId: 'subnet-a',
            AvailabilityZoneName: 'us-east-1a',
            LifeCycleState: 'error',
          },
        ],
      });
    ec2Mock.on(DescribeSubnetsCommand).resolves({
      Subnets: [{ SubnetId: 'subnet-a', AvailabilityZone: 'us-east-1a', VpcId: 'vpc-0def' }],
    });
    const error = await rejectionOf(
      storage().ensureMountTarget('us-east-1', 'fs-0a1b2c3d4e5f67890', undefined),
    );
    expect(error).toMatchObject({ code: 'MountTargetError', kind: 'conflict' });
  });

  it('deletes a file system after its access points and mount targets, once those are gone', async () => {
    const order: string[] = [];
    // The mount target reads as deleting once after DeleteMountTarget, then is gone.
    let target: 'available' | 'deleting' | 'gone' = 'available';
    efsMock
      .on(DescribeAccessPointsCommand)
      .resolves({ AccessPoints: [{ AccessPointId: 'fsap-1', FileSystemId: 'fs-0a1b2c3d4e5f67890' }] })
      .on(DeleteAccessPointCommand)
      .callsFake((input: { AccessPointId: string }) => {
        order.push(`access point ${input.AccessPointId}`);
        return {};
      })
      .on(DescribeMountTargetsCommand)
      .callsFake(() => {
        const state = target;
        if (target === 'deleting') target = 'gone';
        return {
          MountTargets:
            state === 'gone'
              ? []
              : [{ MountTargetId: 'fsmt-1', FileSystemId: 'fs-0a1b2c3d4e5f67890', LifeCycleState: state }],
        };
      })
      .on(DeleteMountTargetCommand)
      .callsFake((input: { MountTargetId: string }) => {
        order.push(`mount target ${input.MountTargetId}`);
        target = 'deleting';
        return {};
      })
      .on(DeleteFileSystemCommand)
      .callsFake((input: { FileSystemId: string }) => {
        order.push(`file system ${input.FileSystemId}`);
        return {};
      });
    await storage().deleteFileSystem('us-east-1', 'fs-0a1b2c3d4e5f67890');
    expect(order).toEqual(['access point fsap-1', 'mount target fsmt-1', 'file system fs-0a1b2c3d4e5f67890']);
    expect(sleeps).toBeGreaterThan(0);
  });

  it('uses only the configured subnet, and does nothing when its zone has a target', async () => {
    efsMock
      .on(DescribeFileSystemsCommand)
      .resolves({ FileSystems: [fileSystem()] })
      .on(DescribeMountTargetsCommand)
      .resolves({
        MountTargets: [
          {
            MountTargetId: 'fsmt-1',
            FileSystemId: 'fs-0a1b2c3d4e5f67890',
            SubnetId: 'subnet-x',
            AvailabilityZoneName: 'us-east-1a',
            LifeCycleState: 'available',
          },
        ],
      });
    ec2Mock.on(DescribeSubnetsCommand).resolves({
      Subnets: [{ SubnetId: 'subnet-priv', AvailabilityZone: 'us-east-1a', VpcId: 'vpc-0lab' }],
    });
    await storage().ensureMountTarget('us-east-1', 'fs-0a1b2c3d4e5f67890', 'subnet-priv');
    expect(ec2Mock.commandCalls(DescribeSubnetsCommand)[0]!.args[0].input).toEqual({
      SubnetIds: ['subnet-priv'],
    });
    expect(efsMock.commandCalls(CreateMountTargetCommand)).toHaveLength(0);
  });

  it('refuses a file system mounted in another VPC, which the workstation could not reach', async () => {
    efsMock
      .on(DescribeFileSystemsCommand)
      .resolves({ FileSystems: [fileSystem()] })
      .on(DescribeMountTargetsCommand)
      .resolves({
        MountTargets: [
          {
            MountTargetId: 'fsmt-1',
            FileSystemId: 'fs-0a1b2c3d4e5f67890',
            SubnetId: 'subnet-x',
            VpcId: 'vpc-0other',
            AvailabilityZoneName: 'us-east-1a',
            LifeCycleState: 'available',
          },
        ],
      });
    ec2Mock.on(DescribeSubnetsCommand).resolves({
      Subnets: [{ SubnetId: 'subnet-b', AvailabilityZone: 'us-east-1b', VpcId: 'vpc-0def' }],
    });
    const error = await rejectionOf(
      storage().ensureMountTarget('us-east-1', 'fs-0a1b2c3d4e5f67890', undefined),
    );
    expect(error.message).toBe(
      'The file system fs-0a1b2c3d4e5f67890 is mounted in vpc-0other, but the workstation goes to vpc-0def.',
    );
    expect(efsMock.commandCalls(CreateMountTargetCommand)).toHaveLength(0);
  });

  it('refuses to mount a file system being deleted', async () => {
    efsMock
      .on(DescribeFileSystemsCommand)
      .resolves({ FileSystems: [fileSystem({ LifeCycleState: 'deleting' })] });
    const error = await rejectionOf(
      storage().ensureMountTarget('us-east-1', 'fs-0a1b2c3d4e5f67890', undefined),
    );
    expect(error).toBeInstanceOf(CloudError);
    expect(error.message).toBe(
      'The file system fs-0a1b2c3d4e5f67890 in us-east-1 is deleting, so it cannot be mounted.',
    );
  });
});

describe('EfsStorage access points', () => {
  const user = { username: 'ana', uid: 5001, gid: 5001 };

  it('creates one per research user with the POSIX identity and a home directory created for them', async () => {
    efsMock
      .on(DescribeAccessPointsCommand)
      .resolves({ AccessPoints: [] })
      .on(CreateAccessPointCommand)
      .callsFake(async (input) => ({
        AccessPointId: 'fsap-0ana',
        FileSystemId: input.FileSystemId,
        PosixUser: input.PosixUser,
        RootDirectory: input.RootDirectory,
        Tags: input.Tags,
        LifeCycleState: 'creating',
      }));
    const point = await storage().ensureAccessPoint('us-east-1', 'fs-0a1b2c3d4e5f67890', user, {
      'cws:project': 'genomics',
    });
    const input = efsMock.commandCalls(CreateAccessPointCommand)[0]!.args[0].input;
    expect(input.ClientToken).toBe('cws-ana-fs-0a1b2c3d4e5f67890');
    expect(input.PosixUser).toEqual({ Uid: 5001, Gid: 5001 });
    expect(input.RootDirectory).toEqual({
      Path: '/home/ana',
      CreationInfo: { OwnerUid: 5001, OwnerGid: 5001, Permissions: '0750' },
    });
    expect(point).toMatchObject({ id: 'fsap-0ana', uid: 5001, gid: 5001, root_directory: '/home/ana' });
    expect(point.tags).toMatchObject({
      'cws:research-user': 'ana',
      'cws:managed': 'true',
      'cws:project': 'genomics',
    });
  });

  it('finds the existing one by tag, across pages', async () => {
    efsMock
      .on(DescribeAccessPointsCommand)
      .resolvesOnce({
        AccessPoints: [
          {
            AccessPointId: 'fsap-0bo',
            FileSystemId: 'fs-1',
            PosixUser: { Uid: 5002, Gid: 5002 },
            Tags: [{ Key: 'cws:research-user', Value: 'bo' }],
          },
        ],
        NextToken: 'n2',
      })
      .resolvesOnce({
        AccessPoints: [
          {
            AccessPointId: 'fsap-0ana',
            FileSystemId: 'fs-1',
            PosixUser: { Uid: 5001, Gid: 5001 },
            RootDirectory: { Path: '/home/ana' },
            Tags: [{ Key: 'cws:research-user', Value: 'ana' }],
          },
        ],
      });
    expect((await storage().ensureAccessPoint('us-east-1', 'fs-1', user, {})).id).toBe('fsap-0ana');
    expect(efsMock.commandCalls(CreateAccessPointCommand)).toHaveLength(0);
  });

  it('refuses an existing access point with another UID rather than hand the files to someone else', async () => {
    efsMock.on(DescribeAccessPointsCommand).resolves({
      AccessPoints: [
        {
          AccessPointId: 'fsap-0ana',
          PosixUser: { Uid: 6000, Gid: 6000 },
          Tags: [{ Key: 'cws:research-user', Value: 'ana' }],
        },
      ],
    });
    const error = await rejectionOf(storage().ensureAccessPoint('us-east-1', 'fs-1', user, {}));
    expect(error.kind).toBe('conflict');
    expect(error.message).toContain('uses UID 6000/GID 6000, but ana is 5001/5001');
  });

  it('returns the access point a concurrent request created', async () => {
    efsMock
      .on(DescribeAccessPointsCommand)
      .resolvesOnce({ AccessPoints: [] })
      .resolves({
        AccessPoints: [
          {
            AccessPointId: 'fsap-0ana',
            PosixUser: { Uid: 5001, Gid: 5001 },
            Tags: [{ Key: 'cws:research-user', Value: 'ana' }],
          },
        ],
      })
      .on(CreateAccessPointCommand)
      .rejects(
        new AccessPointAlreadyExists({
          message: 'exists',
          AccessPointId: 'fsap-0ana',
          ErrorCode: 'AccessPointAlreadyExists',
          ...metadata,
        }),
      );
    expect((await storage().ensureAccessPoint('us-east-1', 'fs-1', user, {})).id).toBe('fsap-0ana');
  });
});
