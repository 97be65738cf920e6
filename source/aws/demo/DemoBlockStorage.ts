import type {
  BlockStoragePort,
  CreateVolumeRequest,
  MachineImage,
  Snapshot,
  Volume,
} from '../../core/ports.js';
import type { DemoStore } from './DemoStore.js';
import { demoIdFor } from './demoIds.js';
import type { DemoVolume } from './demoOperationsState.js';
import {
  conflict,
  findVolume,
  invalid,
  isGone,
  notFound,
  operations,
  rootVolumeIdOf,
  rootVolumeOf,
  toVolume,
} from './demoVolumeShapes.js';

/** Seconds a snapshot or image takes on the demo account at realistic pace (scaled by CWS_DEMO_SPEED). */
const SNAPSHOT_SECONDS = 30;
const IMAGE_SECONDS = 60;

/** EBS on the demo account: root volumes follow the instances, data volumes, snapshots and AMIs are stored. */
export class DemoBlockStorage implements BlockStoragePort {
  constructor(
    private readonly store: DemoStore,
    private readonly speed: number,
    private readonly now: () => number = Date.now,
  ) {}

  async listVolumes(regions: string[], options: { instance_ids?: string[] } = {}): Promise<Volume[]> {
    const state = await this.store.read();
    const ops = operations(state);
    const volumes: Volume[] = [];
    for (const instance of state.instances) {
      if (!regions.includes(instance.region) || isGone(instance, this.now())) continue;
      volumes.push(rootVolumeOf(instance));
    }
    for (const raw of ops.volumes) {
      if (!regions.includes(raw.region) || raw.deleted_at) continue;
      volumes.push(toVolume(raw));
    }
    const ids = options.instance_ids;
    return volumes.filter(
      (volume) =>
        volume.tags['cws:managed'] === 'true' || volume.attachments.some((a) => ids?.includes(a.instance_id)),
    );
  }

  async createVolume(request: CreateVolumeRequest): Promise<Volume> {
    if (request.type === 'io2' && request.iops === undefined) {
      throw invalid('InvalidParameterCombination', 'The parameter iops must be specified for io2 volumes.');
    }
    const created = await this.store.update((state) => {
      const ops = operations(state);
      const existing = ops.volumes.find((v) => v.client_token === request.client_token);
      if (existing) return existing;
      const volume: DemoVolume = {
        id: demoIdFor('vol', state.account, state.next_serial++),
        region: request.region,
        availability_zone: request.availability_zone,
        size_gb: request.size_gb,
        type: request.type,
        ...(request.iops !== undefined
          ? { iops: request.iops }
          : request.type === 'gp3'
            ? { iops: 3000 }
            : {}),
        ...(request.type === 'gp3' ? { throughput_mbps: request.throughput_mbps ?? 125 } : {}),
        ...(request.snapshot_id ? { snapshot_id: request.snapshot_id } : {}),
        client_token: request.client_token,
        created_at: new Date(this.now()).toISOString(),
        tags: { ...request.tags },
      };
      if (request.snapshot_id && !ops.snapshots.some((s) => s.id === request.snapshot_id)) {
        throw notFound('InvalidSnapshot.NotFound', `The snapshot '${request.snapshot_id}' does not exist.`);
      }
      ops.volumes.push(volume);
      return volume;
    });
    return toVolume(created);
  }

  async attachVolume(region: string, volumeId: string, instanceId: string, device: string): Promise<void> {
    await this.store.update((state) => {
      const volume = findVolume(state, region, volumeId);
      const instance = state.instances.find((i) => i.id === instanceId && i.region === region);
      if (!instance)
        throw notFound('InvalidInstanceID.NotFound', `The instance ID '${instanceId}' does not exist`);
      if (volume.attachment) {
        throw conflict('VolumeInUse', `${volumeId} is already attached to an instance`);
      }
      if (instance.availability_zone !== volume.availability_zone) {
        throw invalid(
          'InvalidVolume.ZoneMismatch',
          `The volume '${volumeId}' is not in the same availability zone as instance '${instanceId}'`,
        );
      }
      volume.attachment = { instance_id: instanceId, device };
    });
  }

  async detachVolume(region: string, volumeId: string, instanceId: string): Promise<void> {
    await this.store.update((state) => {
      const volume = findVolume(state, region, volumeId);
      if (volume.attachment?.instance_id !== instanceId) {
        throw invalid('IncorrectState', `Volume '${volumeId}' is in the 'available' state.`);
      }
      delete volume.attachment;
    });
  }

  async deleteVolume(region: string, volumeId: string): Promise<void> {
    await this.store.update((state) => {
      const volume = findVolume(state, region, volumeId);
      if (volume.attachment)
        throw conflict(
          'VolumeInUse',
          `Volume ${volumeId} is currently attached to ${volume.attachment.instance_id}`,
        );
      volume.deleted_at = new Date(this.now()).toISOString();
    });
  }

  async listSnapshots(regions: string[]): Promise<Snapshot[]> {
    const state = await this.store.read();
    const now = this.now();
    return operations(state)
      .snapshots.filter((s) => regions.includes(s.region))
      .map((raw) => {
        const total = Date.parse(raw.completed_at) - Date.parse(raw.started_at);
        const done = total <= 0 ? 1 : Math.min(1, (now - Date.parse(raw.started_at)) / total);
        return {
          id: raw.id,
          region: raw.region,
          volume_id: raw.volume_id,
          size_gb: raw.size_gb,
          state: done >= 1 ? 'completed' : 'pending',
          progress: `${Math.floor(done * 100)}%`,
          started_at: raw.started_at,
          description: raw.description,
          tags: { ...raw.tags },
        };
      });
  }

  async createSnapshot(
    region: string,
    volumeId: string,
    description: string,
    tags: Record<string, string>,
  ): Promise<Snapshot> {
    const found = (await this.everyVolume(region)).find((v) => v.id === volumeId);
    if (!found) throw notFound('InvalidVolume.NotFound', `The volume '${volumeId}' does not exist.`);
    const at = this.now();
    const id = await this.store.update((state) => {
      const snapshotId = demoIdFor('snap', state.account, state.next_serial++);
      operations(state).snapshots.push({
        id: snapshotId,
        region,
        volume_id: volumeId,
        size_gb: found.size_gb,
        started_at: new Date(at).toISOString(),
        completed_at: new Date(at + SNAPSHOT_SECONDS * 1000 * this.speed).toISOString(),
        description,
        tags: { ...tags },
      });
      return snapshotId;
    });
    const created = (await this.listSnapshots([region])).find((s) => s.id === id);
    if (!created) throw notFound('InvalidSnapshot.NotFound', `The snapshot '${id}' does not exist.`);
    return created;
  }

  async deleteSnapshot(region: string, snapshotId: string): Promise<void> {
    await this.store.update((state) => {
      const ops = operations(state);
      const index = ops.snapshots.findIndex((s) => s.id === snapshotId && s.region === region);
      if (index < 0)
        throw notFound('InvalidSnapshot.NotFound', `The snapshot '${snapshotId}' does not exist.`);
      const inUse = ops.images.find((image) => image.tags['cws:snapshot'] === snapshotId);
      if (inUse) {
        throw invalid(
          'InvalidSnapshot.InUse',
          `The snapshot ${snapshotId} is currently in use by ${inUse.id}`,
        );
      }
      ops.snapshots.splice(index, 1);
    });
  }

  async replaceRootVolume(region: string, instanceId: string, snapshotId: string): Promise<string> {
    return this.store.update((state) => {
      const instance = state.instances.find((i) => i.id === instanceId && i.region === region);
      if (!instance)
        throw notFound('InvalidInstanceID.NotFound', `The instance ID '${instanceId}' does not exist`);
      const snapshot = operations(state).snapshots.find((s) => s.id === snapshotId);
      if (!snapshot)
        throw notFound('InvalidSnapshot.NotFound', `The snapshot '${snapshotId}' does not exist.`);
      if (snapshot.volume_id !== rootVolumeIdOf(instance)) {
        throw invalid(
          'InvalidParameterValue',
          `The snapshot ${snapshotId} does not belong to the root volume of instance ${instanceId}`,
        );
      }
      return demoIdFor('replacevol', state.account, state.next_serial++);
    });
  }

  async createImage(
    region: string,
    instanceId: string,
    request: { name: string; description: string; reboot: boolean; tags: Record<string, string> },
  ): Promise<MachineImage> {
    const at = this.now();
    const id = await this.store.update((state) => {
      const instance = state.instances.find((i) => i.id === instanceId && i.region === region);
      if (!instance)
        throw notFound('InvalidInstanceID.NotFound', `The instance ID '${instanceId}' does not exist`);
      const ops = operations(state);
      if (ops.images.some((image) => image.region === region && image.name === request.name)) {
        throw invalid('InvalidAMIName.Duplicate', `AMI name ${request.name} is already in use by AMI`);
      }
      const imageId = demoIdFor('ami', state.account, state.next_serial++);
      ops.images.push({
        id: imageId,
        region,
        name: request.name,
        instance_id: instanceId,
        architecture: instance.architecture,
        created_at: new Date(at).toISOString(),
        available_at: new Date(at + IMAGE_SECONDS * 1000 * this.speed).toISOString(),
        tags: { ...request.tags },
      });
      return imageId;
    });
    const image = await this.describeImage(region, id);
    if (!image) throw notFound('InvalidAMIID.NotFound', `The image id '[${id}]' does not exist`);
    return image;
  }

  async describeImage(region: string, imageId: string): Promise<MachineImage | undefined> {
    const state = await this.store.read();
    const raw = operations(state).images.find((image) => image.id === imageId && image.region === region);
    if (!raw) return undefined;
    return {
      id: raw.id,
      region: raw.region,
      name: raw.name,
      state: Date.parse(raw.available_at) <= this.now() ? 'available' : 'pending',
      architecture: raw.architecture,
      created_at: raw.created_at,
      tags: { ...raw.tags },
    };
  }

  private async everyVolume(region: string): Promise<Volume[]> {
    const state = await this.store.read();
    return [
      ...state.instances.filter((i) => i.region === region && !isGone(i, this.now())).map(rootVolumeOf),
      ...operations(state)
        .volumes.filter((v) => v.region === region && !v.deleted_at)
        .map(toVolume),
    ];
  }
}
