import type { Architecture } from '../templates/templateSchema.js';

/** EBS: data volumes, snapshots, images made from workstations. */

export const DATA_VOLUME_TYPES = ['gp3', 'io2'] as const;
export type DataVolumeType = (typeof DATA_VOLUME_TYPES)[number];

export type VolumeState = 'creating' | 'available' | 'in-use' | 'deleting' | 'deleted' | 'error';

export interface VolumeAttachment {
  instance_id: string;
  device: string;
  state: 'attaching' | 'attached' | 'detaching' | 'detached' | 'busy';
}

export interface Volume {
  id: string;
  name: string;
  region: string;
  availability_zone: string;
  size_gb: number;
  type: string;
  iops?: number;
  throughput_mbps?: number;
  state: VolumeState;
  attachments: VolumeAttachment[];
  snapshot_id?: string;
  created_at: string;
  tags: Record<string, string>;
}

export interface CreateVolumeRequest {
  region: string;
  availability_zone: string;
  size_gb: number;
  type: DataVolumeType;
  iops?: number;
  throughput_mbps?: number;
  snapshot_id?: string;
  /** Idempotency: a retry with the same token returns the same volume. */
  client_token: string;
  tags: Record<string, string>;
}

export type SnapshotState = 'pending' | 'completed' | 'error' | 'recoverable' | 'recovering';

export interface Snapshot {
  id: string;
  region: string;
  volume_id: string;
  size_gb: number;
  state: SnapshotState;
  /** e.g. `42%`. */
  progress: string;
  started_at: string;
  description: string;
  tags: Record<string, string>;
}

export type MachineImageState = 'pending' | 'available' | 'failed' | 'invalid' | 'deregistered' | 'error';

export interface MachineImage {
  id: string;
  region: string;
  name: string;
  state: MachineImageState;
  architecture: Architecture;
  created_at: string;
  tags: Record<string, string>;
}

export interface BlockStoragePort {
  /** The app's volumes (cws:managed) and every volume attached to `instanceIds`, in the regions. */
  listVolumes(regions: string[], options?: { instance_ids?: string[] }): Promise<Volume[]>;
  createVolume(request: CreateVolumeRequest): Promise<Volume>;
  attachVolume(region: string, volumeId: string, instanceId: string, device: string): Promise<void>;
  detachVolume(region: string, volumeId: string, instanceId: string): Promise<void>;
  deleteVolume(region: string, volumeId: string): Promise<void>;
  /** The app's snapshots (cws:managed) in the regions. */
  listSnapshots(regions: string[]): Promise<Snapshot[]>;
  createSnapshot(
    region: string,
    volumeId: string,
    description: string,
    tags: Record<string, string>,
  ): Promise<Snapshot>;
  deleteSnapshot(region: string, snapshotId: string): Promise<void>;
  /** Swaps a running instance's root volume for one made from the snapshot (the old one is kept). */
  replaceRootVolume(region: string, instanceId: string, snapshotId: string): Promise<string>;
  /** An AMI of the instance (its root and data volumes), tagged; `reboot` for a consistent image. */
  createImage(
    region: string,
    instanceId: string,
    request: { name: string; description: string; reboot: boolean; tags: Record<string, string> },
  ): Promise<MachineImage>;
  describeImage(region: string, imageId: string): Promise<MachineImage | undefined>;
}
