import { setTimeout } from 'node:timers/promises';
import { CloudError } from '../../core/CloudError.js';
import type { AccessPoint, EfsIaDays, FileSystem, ResourceTags, StoragePort } from '../../core/ports.js';
import { EFS_IA_DAYS, TAG } from '../../core/ports.js';
import type { DemoStore } from './DemoStore.js';
import { demoIdFor } from './demoIds.js';
import { demoDelayMs } from './demoPace.js';
import type { DemoAccessPoint, DemoFileSystem } from './demoState.js';

/** EFS as the demo account simulates it: file systems, mount targets, access points. */
export class DemoStorage implements StoragePort {
  constructor(
    private readonly store: DemoStore,
    private readonly speed: number,
    private readonly now: () => number = Date.now,
  ) {}

  async listFileSystems(regions: string[]): Promise<FileSystem[]> {
    const state = await this.store.read();
    return state.file_systems.filter((fs) => regions.includes(fs.region)).map((fs) => this.toFileSystem(fs));
  }

  async createFileSystem(region: string, name: string, tags: ResourceTags): Promise<FileSystem> {
    const at = this.now();
    const created = await this.store.update((state) => {
      const token = `${region}/${name}`;
      const existing = state.file_systems.find((fs) => fs.creation_token === token);
      if (existing) return existing;
      const fileSystem: DemoFileSystem = {
        id: demoIdFor('fs', state.account, state.next_serial++),
        name,
        region,
        created_at: new Date(at).toISOString(),
        available_at: new Date(at + demoDelayMs('fileSystemCreation', this.speed)).toISOString(),
        size_bytes: 6144,
        creation_token: token,
        tags: { ...tags, [TAG.name]: name },
        mount_target_subnets: [],
      };
      state.file_systems.push(fileSystem);
      return fileSystem;
    });
    return this.toFileSystem(created);
  }

  /** As on AWS, a new mount target is waited for until available, so the workstation boots with it. */
  async ensureMountTarget(region: string, fileSystemId: string, subnetId: string | undefined): Promise<void> {
    const created = await this.store.update((state) => {
      const fileSystem = state.file_systems.find((fs) => fs.id === fileSystemId && fs.region === region);
      if (!fileSystem) throw fileSystemNotFound(fileSystemId, region);
      const subnet = subnetId ?? `${region}-default`;
      if (fileSystem.mount_target_subnets.includes(subnet)) return false;
      fileSystem.mount_target_subnets.push(subnet);
      return true;
    });
    const wait = demoDelayMs('mountTargetCreation', this.speed);
    if (created && wait > 0) await setTimeout(wait);
  }

  async ensureAccessPoint(
    region: string,
    fileSystemId: string,
    user: { username: string; uid: number; gid: number },
    tags: ResourceTags,
  ): Promise<AccessPoint> {
    const point = await this.store.update((state) => {
      if (!state.file_systems.some((fs) => fs.id === fileSystemId && fs.region === region)) {
        throw fileSystemNotFound(fileSystemId, region);
      }
      const existing = state.access_points.find(
        (ap) => ap.file_system_id === fileSystemId && ap.tags[TAG.researchUser] === user.username,
      );
      if (existing) return existing;
      const accessPoint: DemoAccessPoint = {
        id: demoIdFor('fsap', state.account, state.next_serial++),
        region,
        file_system_id: fileSystemId,
        uid: user.uid,
        gid: user.gid,
        root_directory: `/home/${user.username}`,
        tags: { ...tags, [TAG.researchUser]: user.username },
      };
      state.access_points.push(accessPoint);
      return accessPoint;
    });
    return toAccessPoint(point);
  }

  async listAccessPoints(region: string, fileSystemId: string): Promise<AccessPoint[]> {
    const state = await this.store.read();
    return state.access_points
      .filter((ap) => ap.region === region && ap.file_system_id === fileSystemId)
      .map(toAccessPoint);
  }

  async deleteFileSystem(region: string, fileSystemId: string): Promise<void> {
    await this.store.update((state) => {
      const index = state.file_systems.findIndex((fs) => fs.id === fileSystemId && fs.region === region);
      if (index < 0) throw fileSystemNotFound(fileSystemId, region);
      state.file_systems.splice(index, 1);
      state.access_points = state.access_points.filter((ap) => ap.file_system_id !== fileSystemId);
    });
  }

  async infrequentAccessDays(region: string, fileSystemId: string): Promise<EfsIaDays | undefined> {
    const state = await this.store.read();
    const fileSystem = state.file_systems.find((fs) => fs.id === fileSystemId && fs.region === region);
    if (!fileSystem) throw fileSystemNotFound(fileSystemId, region);
    return EFS_IA_DAYS.find((days) => days === fileSystem.ia_after_days);
  }

  async setInfrequentAccessDays(region: string, fileSystemId: string, days: EfsIaDays): Promise<void> {
    await this.store.update((state) => {
      const fileSystem = state.file_systems.find((fs) => fs.id === fileSystemId && fs.region === region);
      if (!fileSystem) throw fileSystemNotFound(fileSystemId, region);
      fileSystem.ia_after_days = days;
    });
  }

  private toFileSystem(fs: DemoFileSystem): FileSystem {
    return {
      id: fs.id,
      name: fs.name,
      region: fs.region,
      state: Date.parse(fs.available_at) <= this.now() ? 'available' : 'creating',
      size_bytes: fs.size_bytes,
      created_at: fs.created_at,
      tags: { ...fs.tags },
    };
  }
}

function toAccessPoint(ap: DemoAccessPoint): AccessPoint {
  return {
    id: ap.id,
    file_system_id: ap.file_system_id,
    uid: ap.uid,
    gid: ap.gid,
    root_directory: ap.root_directory,
    tags: { ...ap.tags },
  };
}

function fileSystemNotFound(id: string, region: string): CloudError {
  return new CloudError({
    kind: 'not-found',
    code: 'FileSystemNotFound',
    message: `the file system ${id} does not exist in ${region}`,
    hint: 'Check the id in the Storage screen (:storage).',
  });
}
