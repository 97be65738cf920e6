import {
  AttachVolumeCommand,
  CreateImageCommand,
  CreateReplaceRootVolumeTaskCommand,
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DeleteSnapshotCommand,
  DeleteVolumeCommand,
  DescribeImagesCommand,
  DetachVolumeCommand,
  type EC2Client,
  type Filter,
  paginateDescribeSnapshots,
  paginateDescribeVolumes,
} from '@aws-sdk/client-ec2';
import { CloudError } from '../../core/CloudError.js';
import type {
  BlockStoragePort,
  CreateVolumeRequest,
  MachineImage,
  Snapshot,
  Volume,
} from '../../core/ports.js';
import { TAG } from '../../core/ports.js';
import { callAws } from '../callAws.js';
import { toTagList } from '../tagList.js';
import { toMachineImage, toSnapshot, toVolume } from './ebsShapes.js';

export interface EbsBlockStorageOptions {
  ec2: (region: string) => EC2Client;
  profile?: string;
}

const MANAGED: Filter = { Name: `tag:${TAG.managed}`, Values: ['true'] };

/** EBS data volumes, snapshots and AMIs through EC2; every one created is encrypted and tagged. */
export class EbsBlockStorage implements BlockStoragePort {
  constructor(private readonly options: EbsBlockStorageOptions) {}

  private context(action: string, region: string) {
    return { action, region, ...(this.options.profile ? { profile: this.options.profile } : {}) };
  }

  async listVolumes(regions: string[], options: { instance_ids?: string[] } = {}): Promise<Volume[]> {
    const found = new Map<string, Volume>();
    for (const region of regions) {
      const filters: Filter[][] = [[MANAGED]];
      if (options.instance_ids?.length)
        filters.push([{ Name: 'attachment.instance-id', Values: options.instance_ids }]);
      for (const Filters of filters) {
        await callAws(this.context('ec2:DescribeVolumes', region), async () => {
          for await (const page of paginateDescribeVolumes(
            { client: this.options.ec2(region) },
            { Filters },
          )) {
            for (const volume of page.Volumes ?? []) {
              if (volume.VolumeId) found.set(volume.VolumeId, toVolume(region, volume));
            }
          }
        });
      }
    }
    return [...found.values()];
  }

  async createVolume(request: CreateVolumeRequest): Promise<Volume> {
    const response = await callAws(this.context('ec2:CreateVolume', request.region), () =>
      this.options.ec2(request.region).send(
        new CreateVolumeCommand({
          AvailabilityZone: request.availability_zone,
          Size: request.size_gb,
          VolumeType: request.type,
          ...(request.iops !== undefined ? { Iops: request.iops } : {}),
          ...(request.throughput_mbps !== undefined && request.type === 'gp3'
            ? { Throughput: request.throughput_mbps }
            : {}),
          ...(request.snapshot_id ? { SnapshotId: request.snapshot_id } : {}),
          Encrypted: true,
          ClientToken: request.client_token,
          TagSpecifications: [{ ResourceType: 'volume', Tags: toTagList(request.tags) }],
        }),
      ),
    );
    return toVolume(request.region, { ...response, Tags: response.Tags ?? toTagList(request.tags) });
  }

  async attachVolume(region: string, volumeId: string, instanceId: string, device: string): Promise<void> {
    await callAws(this.context('ec2:AttachVolume', region), () =>
      this.options
        .ec2(region)
        .send(new AttachVolumeCommand({ VolumeId: volumeId, InstanceId: instanceId, Device: device })),
    );
  }

  async detachVolume(region: string, volumeId: string, instanceId: string): Promise<void> {
    await callAws(this.context('ec2:DetachVolume', region), () =>
      this.options.ec2(region).send(new DetachVolumeCommand({ VolumeId: volumeId, InstanceId: instanceId })),
    );
  }

  async deleteVolume(region: string, volumeId: string): Promise<void> {
    await callAws(this.context('ec2:DeleteVolume', region), () =>
      this.options.ec2(region).send(new DeleteVolumeCommand({ VolumeId: volumeId })),
    );
  }

  async listSnapshots(regions: string[]): Promise<Snapshot[]> {
    const snapshots: Snapshot[] = [];
    for (const region of regions) {
      await callAws(this.context('ec2:DescribeSnapshots', region), async () => {
        const pages = paginateDescribeSnapshots(
          { client: this.options.ec2(region) },
          { OwnerIds: ['self'], Filters: [MANAGED] },
        );
        for await (const page of pages) {
          for (const snapshot of page.Snapshots ?? []) snapshots.push(toSnapshot(region, snapshot));
        }
      });
    }
    return snapshots;
  }

  async createSnapshot(
    region: string,
    volumeId: string,
    description: string,
    tags: Record<string, string>,
  ): Promise<Snapshot> {
    const response = await callAws(this.context('ec2:CreateSnapshot', region), () =>
      this.options.ec2(region).send(
        new CreateSnapshotCommand({
          VolumeId: volumeId,
          Description: description,
          TagSpecifications: [{ ResourceType: 'snapshot', Tags: toTagList(tags) }],
        }),
      ),
    );
    return toSnapshot(region, { ...response, Tags: response.Tags ?? toTagList(tags) });
  }

  async deleteSnapshot(region: string, snapshotId: string): Promise<void> {
    await callAws(this.context('ec2:DeleteSnapshot', region), () =>
      this.options.ec2(region).send(new DeleteSnapshotCommand({ SnapshotId: snapshotId })),
    );
  }

  async replaceRootVolume(region: string, instanceId: string, snapshotId: string): Promise<string> {
    const response = await callAws(this.context('ec2:CreateReplaceRootVolumeTask', region), () =>
      this.options
        .ec2(region)
        .send(new CreateReplaceRootVolumeTaskCommand({ InstanceId: instanceId, SnapshotId: snapshotId })),
    );
    return response.ReplaceRootVolumeTask?.ReplaceRootVolumeTaskId ?? '';
  }

  async createImage(
    region: string,
    instanceId: string,
    request: { name: string; description: string; reboot: boolean; tags: Record<string, string> },
  ): Promise<MachineImage> {
    const Tags = toTagList(request.tags);
    const response = await callAws(this.context('ec2:CreateImage', region), () =>
      this.options.ec2(region).send(
        new CreateImageCommand({
          InstanceId: instanceId,
          Name: request.name,
          Description: request.description,
          NoReboot: !request.reboot,
          TagSpecifications: [
            { ResourceType: 'image', Tags },
            { ResourceType: 'snapshot', Tags },
          ],
        }),
      ),
    );
    if (!response.ImageId) {
      throw new CloudError({
        kind: 'unknown',
        code: 'EmptyEc2Response',
        message: 'EC2 accepted CreateImage but returned no image id.',
        hint: 'Look for the image in the EC2 console (AMIs) before trying again.',
      });
    }
    return (
      (await this.describeImage(region, response.ImageId)) ?? {
        id: response.ImageId,
        region,
        name: request.name,
        state: 'pending',
        architecture: 'x86_64',
        created_at: new Date().toISOString(),
        tags: request.tags,
      }
    );
  }

  async describeImage(region: string, imageId: string): Promise<MachineImage | undefined> {
    const response = await callAws(this.context('ec2:DescribeImages', region), () =>
      this.options.ec2(region).send(new DescribeImagesCommand({ ImageIds: [imageId] })),
    ).catch((error: unknown) => {
      // A just-created image may not be visible yet; a deregistered one is gone.
      if (error instanceof CloudError && error.code.startsWith('InvalidAMIID')) return { Images: [] };
      throw error;
    });
    const image = response.Images?.[0];
    return image ? toMachineImage(region, image) : undefined;
  }
}
