import type {
  Image as Ec2Image,
  Snapshot as Ec2Snapshot,
  Volume as Ec2Volume,
  VolumeAttachment as Ec2VolumeAttachment,
} from '@aws-sdk/client-ec2';
import type {
  MachineImage,
  MachineImageState,
  Snapshot,
  SnapshotState,
  Volume,
  VolumeAttachment,
  VolumeState,
} from '../../core/ports.js';
import { TAG } from '../../core/ports.js';
import { fromTagList } from '../tagList.js';

/** EC2's volume, snapshot and image shapes in the app's terms. */

export function toVolume(region: string, volume: Ec2Volume): Volume {
  const tags = fromTagList(volume.Tags);
  return {
    id: volume.VolumeId ?? '',
    name: tags[TAG.name] ?? volume.VolumeId ?? '',
    region,
    availability_zone: volume.AvailabilityZone ?? '',
    size_gb: volume.Size ?? 0,
    type: volume.VolumeType ?? 'gp3',
    ...(volume.Iops !== undefined ? { iops: volume.Iops } : {}),
    ...(volume.Throughput !== undefined ? { throughput_mbps: volume.Throughput } : {}),
    state: (volume.State ?? 'error') as VolumeState,
    attachments: (volume.Attachments ?? []).map(toAttachment),
    ...(volume.SnapshotId ? { snapshot_id: volume.SnapshotId } : {}),
    created_at: volume.CreateTime?.toISOString() ?? '',
    tags,
  };
}

function toAttachment(attachment: Ec2VolumeAttachment): VolumeAttachment {
  return {
    instance_id: attachment.InstanceId ?? '',
    device: attachment.Device ?? '',
    state: (attachment.State ?? 'attached') as VolumeAttachment['state'],
  };
}

export function toSnapshot(region: string, snapshot: Ec2Snapshot): Snapshot {
  return {
    id: snapshot.SnapshotId ?? '',
    region,
    volume_id: snapshot.VolumeId ?? '',
    size_gb: snapshot.VolumeSize ?? 0,
    state: (snapshot.State ?? 'error') as SnapshotState,
    progress: snapshot.Progress ?? '',
    started_at: snapshot.StartTime?.toISOString() ?? '',
    description: snapshot.Description ?? '',
    tags: fromTagList(snapshot.Tags),
  };
}

export function toMachineImage(region: string, image: Ec2Image): MachineImage {
  return {
    id: image.ImageId ?? '',
    region,
    name: image.Name ?? '',
    state: (image.State ?? 'error') as MachineImageState,
    architecture: image.Architecture === 'arm64' ? 'arm64' : 'x86_64',
    created_at: image.CreationDate ?? '',
    tags: fromTagList(image.Tags),
  };
}
