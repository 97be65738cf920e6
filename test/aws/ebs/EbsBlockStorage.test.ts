import {
  AttachVolumeCommand,
  CreateImageCommand,
  CreateReplaceRootVolumeTaskCommand,
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DeleteSnapshotCommand,
  DescribeImagesCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { EbsBlockStorage } from '../../../source/aws/ebs/EbsBlockStorage.js';
import { awsServiceError } from '../awsServiceError.js';
import { rejectionOf } from '../rejectionOf.js';

const ec2Mock = mockClient(EC2Client);
const client = new EC2Client({
  region: 'us-east-1',
  maxAttempts: 1,
  credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
});
const storage = new EbsBlockStorage({ ec2: () => client });
const created = new Date('2026-12-01T09:00:00Z');

beforeEach(() => ec2Mock.reset());

describe('EbsBlockStorage volumes', () => {
  it('creates an encrypted, tagged gp3 volume with the client token', async () => {
    ec2Mock.on(CreateVolumeCommand).resolves({
      VolumeId: 'vol-0a1b2c3d4e5f60718',
      AvailabilityZone: 'us-east-1b',
      Size: 100,
      VolumeType: 'gp3',
      Iops: 3000,
      Throughput: 125,
      State: 'creating',
      CreateTime: created,
      Encrypted: true,
    });
    const volume = await storage.createVolume({
      region: 'us-east-1',
      availability_zone: 'us-east-1b',
      size_gb: 100,
      type: 'gp3',
      client_token: 'tok-1',
      tags: { 'cws:managed': 'true', Name: 'scratch' },
    });
    expect(volume).toMatchObject({
      id: 'vol-0a1b2c3d4e5f60718',
      name: 'scratch',
      state: 'creating',
      iops: 3000,
      throughput_mbps: 125,
    });
    expect(ec2Mock.commandCalls(CreateVolumeCommand)[0]?.args[0].input).toMatchObject({
      AvailabilityZone: 'us-east-1b',
      Size: 100,
      VolumeType: 'gp3',
      Encrypted: true,
      ClientToken: 'tok-1',
      TagSpecifications: [
        {
          ResourceType: 'volume',
          Tags: [
            { Key: 'cws:managed', Value: 'true' },
            { Key: 'Name', Value: 'scratch' },
          ],
        },
      ],
    });
  });

  it("lists the app's volumes and those attached to the given instances, once each", async () => {
    const attached = {
      VolumeId: 'vol-0root000000000001',
      AvailabilityZone: 'us-east-1a',
      Size: 30,
      VolumeType: 'gp3' as const,
      State: 'in-use' as const,
      Attachments: [{ InstanceId: 'i-0123456789abcdef0', Device: '/dev/sda1', State: 'attached' as const }],
      Tags: [
        { Key: 'cws:managed', Value: 'true' },
        { Key: 'Name', Value: 'box' },
      ],
    };
    ec2Mock.on(DescribeVolumesCommand).resolves({ Volumes: [attached] });
    const volumes = await storage.listVolumes(['us-east-1'], { instance_ids: ['i-0123456789abcdef0'] });
    expect(volumes).toHaveLength(1);
    expect(volumes[0]?.attachments).toEqual([
      { instance_id: 'i-0123456789abcdef0', device: '/dev/sda1', state: 'attached' },
    ]);
    const filters = ec2Mock
      .commandCalls(DescribeVolumesCommand)
      .map((call) => call.args[0].input.Filters?.[0]?.Name);
    expect(filters).toEqual(['tag:cws:managed', 'attachment.instance-id']);
  });

  it('turns a zone mismatch and a volume in use into clear errors', async () => {
    ec2Mock
      .on(AttachVolumeCommand)
      .rejectsOnce(
        awsServiceError(
          'InvalidVolume.ZoneMismatch',
          "The volume 'vol-1' is not in the same availability zone as instance 'i-1'",
        ),
      )
      .rejects(awsServiceError('VolumeInUse', 'vol-1 is already attached to an instance'));
    const zone = await rejectionOf(storage.attachVolume('us-east-1', 'vol-1', 'i-1', '/dev/sdf'));
    expect(zone.code).toBe('InvalidVolume.ZoneMismatch');
    expect(zone.message).toContain('not in the same availability zone');
    const inUse = await rejectionOf(storage.attachVolume('us-east-1', 'vol-1', 'i-1', '/dev/sdf'));
    expect(inUse.code).toBe('VolumeInUse');
  });
});

describe('EbsBlockStorage snapshots and images', () => {
  it('creates a tagged snapshot and lists only its own, managed ones', async () => {
    ec2Mock.on(CreateSnapshotCommand).resolves({
      SnapshotId: 'snap-0123456789abcdef0',
      VolumeId: 'vol-1',
      VolumeSize: 30,
      State: 'pending',
      Progress: '',
      StartTime: created,
      Description: 'box before upgrade',
    });
    ec2Mock.on(DescribeSnapshotsCommand).resolves({
      Snapshots: [
        {
          SnapshotId: 'snap-0123456789abcdef0',
          VolumeId: 'vol-1',
          VolumeSize: 30,
          State: 'completed',
          Progress: '100%',
          StartTime: created,
        },
      ],
    });
    const snapshot = await storage.createSnapshot('us-east-1', 'vol-1', 'box before upgrade', {
      'cws:managed': 'true',
    });
    expect(snapshot).toMatchObject({
      id: 'snap-0123456789abcdef0',
      state: 'pending',
      size_gb: 30,
      tags: { 'cws:managed': 'true' },
    });
    const listed = await storage.listSnapshots(['us-east-1']);
    expect(listed[0]).toMatchObject({ state: 'completed', progress: '100%' });
    expect(ec2Mock.commandCalls(DescribeSnapshotsCommand)[0]?.args[0].input).toMatchObject({
      OwnerIds: ['self'],
      Filters: [{ Name: 'tag:cws:managed', Values: ['true'] }],
    });
  });

  it('says a snapshot an image uses cannot be deleted', async () => {
    ec2Mock
      .on(DeleteSnapshotCommand)
      .rejects(
        awsServiceError('InvalidSnapshot.InUse', 'The snapshot snap-1 is currently in use by ami-0abc'),
      );
    const error = await rejectionOf(storage.deleteSnapshot('us-east-1', 'snap-1'));
    expect(error.message).toContain('in use by ami-0abc');
  });

  it('replaces a root volume from a snapshot', async () => {
    ec2Mock.on(CreateReplaceRootVolumeTaskCommand).resolves({
      ReplaceRootVolumeTask: {
        ReplaceRootVolumeTaskId: 'replacevol-0123456789abcdef0',
        TaskState: 'pending',
      },
    });
    expect(await storage.replaceRootVolume('us-east-1', 'i-1', 'snap-1')).toBe(
      'replacevol-0123456789abcdef0',
    );
  });

  it('creates an image (without reboot unless asked), tagging the image and its snapshots', async () => {
    ec2Mock.on(CreateImageCommand).resolves({ ImageId: 'ami-0fedcba9876543210' });
    ec2Mock.on(DescribeImagesCommand).resolves({
      Images: [
        {
          ImageId: 'ami-0fedcba9876543210',
          Name: 'tuned-env',
          State: 'pending',
          Architecture: 'x86_64',
          CreationDate: '2026-12-05T22:00:00.000Z',
        },
      ],
    });
    const image = await storage.createImage('us-east-1', 'i-1', {
      name: 'tuned-env',
      description: 'd',
      reboot: false,
      tags: { 'cws:managed': 'true' },
    });
    expect(image).toMatchObject({ id: 'ami-0fedcba9876543210', state: 'pending', architecture: 'x86_64' });
    const input = ec2Mock.commandCalls(CreateImageCommand)[0]?.args[0].input;
    expect(input?.NoReboot).toBe(true);
    expect(input?.TagSpecifications?.map((spec) => spec.ResourceType)).toEqual(['image', 'snapshot']);
  });

  it('answers undefined for an image EC2 does not know (yet)', async () => {
    ec2Mock
      .on(DescribeImagesCommand)
      .rejects(awsServiceError('InvalidAMIID.NotFound', "The image id '[ami-1]' does not exist"));
    expect(await storage.describeImage('us-east-1', 'ami-1')).toBeUndefined();
  });
});
