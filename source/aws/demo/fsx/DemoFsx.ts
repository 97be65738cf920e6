import { CloudError } from '../../../core/CloudError.js';
import { nodeCrypto } from '../../../core/crypto/nodeCrypto.js';
import type {
  FsxCreateRequest,
  FsxDataRepository,
  FsxDataRepositoryRequest,
  FsxFileSystem,
  FsxSnapshot,
  FsxState,
  FsxTask,
  FsxTaskKind,
  FsxVolume,
} from '../../../core/fsx/FsxFileSystem.js';
import { FSX_SHAPE_RULES } from '../../../core/fsx/fsxShapeRules.js';
import type { FsxPort } from '../../../core/fsx/ports.js';
import { TAG } from '../../../core/ports.js';
import { DemoFsxSnapshots } from './DemoFsxSnapshots.js';
import { demoFsxId } from './demoFsxId.js';
import { type DemoFsxFileSystem, type DemoFsxState, DemoFsxStore } from './demoFsxState.js';

/** Seconds at realistic pace (scaled by CWS_DEMO_SPEED): FSx takes minutes where EFS takes seconds. */
const DELAYS = {
  lustre: 60,
  openzfs: 40,
  association: 10,
  deletion: 20,
  snapshot: 3,
  taskPerThousandFiles: 6,
};
const DEMO_FILES_PER_TASK = 12_000;

function notFound(id: string, region: string): CloudError {
  return new CloudError({
    kind: 'not-found',
    code: 'FileSystemNotFound',
    message: `The FSx file system ${id} does not exist in ${region}.`,
    hint: 'List them with: cws-tui storage list',
  });
}

/** FSx as the demo account simulates it: file systems, S3 links, tasks with progress, snapshots and clones. */
export class DemoFsx implements FsxPort {
  private readonly store: DemoFsxStore;
  private readonly snapshots: DemoFsxSnapshots;

  constructor(
    stateDir: string,
    private readonly speed: number,
    private readonly now: () => number = Date.now,
  ) {
    this.store = new DemoFsxStore(stateDir);
    this.snapshots = new DemoFsxSnapshots(this.store, (seconds) => this.later(seconds), now);
  }

  private later(seconds: number): string {
    return new Date(this.now() + seconds * 1000 * this.speed).toISOString();
  }

  private stateOf(raw: DemoFsxFileSystem): FsxState | 'gone' {
    const now = this.now();
    if (raw.gone_at && Date.parse(raw.gone_at) <= now) return 'gone';
    if (raw.deleting_at && Date.parse(raw.deleting_at) <= now) return 'deleting';
    return Date.parse(raw.available_at) <= now ? 'available' : 'creating';
  }

  private toFileSystem(raw: DemoFsxFileSystem, state: FsxState): FsxFileSystem {
    const repository = raw.data_repository;
    return {
      id: raw.id,
      name: raw.name,
      region: raw.region,
      type: raw.type,
      deployment: raw.deployment,
      state,
      capacity_gib: raw.capacity_gib,
      throughput: raw.throughput,
      dns_name: `${raw.id}.fsx.${raw.region}.amazonaws.com`,
      ...(raw.mount_name ? { mount_name: raw.mount_name } : {}),
      ...(raw.root_volume_id ? { root_volume_id: raw.root_volume_id } : {}),
      ...(raw.compression ? { compression: raw.compression } : {}),
      ...(raw.quotas ? { quotas: raw.quotas } : {}),
      ...(repository
        ? {
            data_repository: {
              association_id: repository.association_id,
              s3_path: repository.s3_path,
              file_system_path: repository.file_system_path,
              auto_import: repository.auto_import,
              auto_export: repository.auto_export,
              state: Date.parse(repository.available_at) <= this.now() ? 'available' : 'creating',
            },
          }
        : {}),
      backup_retention_days: raw.backup_retention_days,
      created_at: raw.created_at,
      tags: raw.tags,
    };
  }

  private visible(state: DemoFsxState, region: string): FsxFileSystem[] {
    return state.file_systems.flatMap((raw) => {
      const current = this.stateOf(raw);
      return raw.region === region && current !== 'gone' ? [this.toFileSystem(raw, current)] : [];
    });
  }

  async listFileSystems(regions: readonly string[]): Promise<FsxFileSystem[]> {
    const state = await this.store.read();
    return regions
      .flatMap((region) => this.visible(state, region))
      .filter((fs) => fs.tags[TAG.managed] === 'true');
  }

  async findFileSystem(region: string, id: string): Promise<FsxFileSystem | undefined> {
    return this.visible(await this.store.read(), region).find((fs) => fs.id === id);
  }

  async createFileSystem(region: string, request: FsxCreateRequest): Promise<FsxFileSystem> {
    const token = `${region}/${request.type}/${request.name}`;
    const raw = await this.store.update((state) => {
      const existing = state.file_systems.find((fs) => fs.token === token && this.stateOf(fs) !== 'gone');
      if (existing) return existing;
      const id = demoFsxId('fs', state.serial++);
      const created: DemoFsxFileSystem = {
        id,
        name: request.name,
        region,
        type: request.type,
        deployment: request.deployment,
        capacity_gib: request.capacity_gib,
        throughput: request.throughput,
        token,
        subnet_id: request.subnet_id ?? `subnet-demo-${region}a`,
        security_group_id: request.security_group_id ?? 'sg-demo-workstations',
        created_at: new Date(this.now()).toISOString(),
        available_at: this.later(DELAYS[request.type]),
        backup_retention_days: request.type === 'openzfs' ? 7 : 0,
        tags: { ...request.tags, [TAG.managed]: 'true', [TAG.name]: request.name },
        ...(request.type === 'lustre'
          ? { mount_name: nodeCrypto().createHash('sha256').update(id).digest('hex').slice(0, 8) }
          : {
              root_volume_id: demoFsxId('fsvol', state.serial++),
              compression: request.compression ?? 'zstd',
              quotas: request.quotas ?? [],
            }),
      };
      state.file_systems.push(created);
      return created;
    });
    return this.toFileSystem(raw, this.stateOf(raw) === 'available' ? 'available' : 'creating');
  }

  async linkDataRepository(
    region: string,
    fileSystemId: string,
    repository: FsxDataRepositoryRequest,
  ): Promise<FsxDataRepository> {
    const raw = await this.store.update((state) => {
      const fs = state.file_systems.find((found) => found.id === fileSystemId && found.region === region);
      if (!fs || this.stateOf(fs) === 'gone') throw notFound(fileSystemId, region);
      if (fs.type !== 'lustre' || this.stateOf(fs) !== 'available') {
        throw new CloudError({
          kind: 'conflict',
          code: 'BadRequest',
          message: `${fileSystemId} must be an available Lustre file system to link it to S3.`,
          hint: 'Wait until it is available: cws-tui storage list',
        });
      }
      fs.data_repository ??= {
        association_id: demoFsxId('dra', state.serial++),
        ...repository,
        file_system_path: '/data',
        available_at: this.later(DELAYS.association),
      };
      return fs;
    });
    const linked = this.toFileSystem(raw, 'available').data_repository;
    if (!linked) throw notFound(fileSystemId, region);
    return linked;
  }

  async deleteFileSystem(region: string, id: string): Promise<void> {
    await this.store.update((state) => {
      const fs = state.file_systems.find((found) => found.id === id && found.region === region);
      if (!fs || this.stateOf(fs) === 'gone' || fs.deleting_at) return;
      fs.deleting_at = new Date(this.now()).toISOString();
      fs.gone_at = this.later(DELAYS.deletion);
    });
  }

  /**
   * A simulated busiest hour: a light workload, a third to two thirds of what the file system's
   * lowest throughput level carries (the same on every call, from its id), whatever it pays for;
   * none before it is available. So a file system provisioned above that level is over-provisioned.
   */
  async peakThroughputMbps(region: string, fileSystem: FsxFileSystem): Promise<number | undefined> {
    const found = await this.findFileSystem(region, fileSystem.id);
    if (found?.state !== 'available') return undefined;
    const lowest = FSX_SHAPE_RULES[found.deployment].throughputs[0] ?? found.throughput;
    const carried = found.type === 'lustre' ? (lowest * found.capacity_gib) / 1024 : lowest;
    const share = 1 / 3 + (nodeCrypto().createHash('sha256').update(found.id).digest()[0] ?? 0) / (255 * 3);
    return Math.round(carried * share * 10) / 10;
  }

  async updateThroughput(region: string, fileSystem: FsxFileSystem, throughput: number): Promise<void> {
    await this.store.update((state) => {
      const fs = state.file_systems.find((found) => found.id === fileSystem.id && found.region === region);
      if (!fs || this.stateOf(fs) !== 'available') throw notFound(fileSystem.id, region);
      fs.throughput = throughput;
    });
  }

  async startTask(region: string, fileSystem: FsxFileSystem, kind: FsxTaskKind): Promise<FsxTask> {
    if (!fileSystem.data_repository) {
      throw new CloudError({
        kind: 'invalid-parameter',
        code: 'BadRequest',
        message: `${fileSystem.id} is not linked to S3: ${kind} needs a data repository association.`,
        hint: `Create one linked to S3: cws-tui storage create <name> --type lustre --s3 s3://bucket/prefix`,
      });
    }
    const task = await this.store.update((state) => {
      const total = kind === 'release' ? DEMO_FILES_PER_TASK / 4 : DEMO_FILES_PER_TASK;
      const created = {
        id: demoFsxId('task', state.serial++),
        region,
        file_system_id: fileSystem.id,
        kind,
        total,
        created_at: new Date(this.now()).toISOString(),
        ends_at: this.later((total / 1000) * DELAYS.taskPerThousandFiles),
      };
      state.tasks.push(created);
      return created;
    });
    return this.toTask(task);
  }

  private toTask(task: DemoFsxState['tasks'][number]): FsxTask {
    const start = Date.parse(task.created_at);
    const end = Date.parse(task.ends_at);
    const now = this.now();
    const done = now >= end;
    const fraction = done ? 1 : Math.max(0, (now - start) / Math.max(1, end - start));
    return {
      id: task.id,
      file_system_id: task.file_system_id,
      kind: task.kind,
      state: done ? 'succeeded' : fraction === 0 ? 'pending' : 'executing',
      total: task.total,
      succeeded: Math.floor(task.total * fraction),
      failed: 0,
      created_at: task.created_at,
      ...(done ? { ended_at: task.ends_at } : {}),
    };
  }

  async describeTask(region: string, taskId: string): Promise<FsxTask> {
    const task = (await this.store.read()).tasks.find(
      (found) => found.id === taskId && found.region === region,
    );
    if (!task) {
      throw new CloudError({
        kind: 'not-found',
        code: 'DataRepositoryTaskNotFound',
        message: `The task ${taskId} does not exist in ${region}.`,
        hint: 'List them with: cws-tui storage task <fs-id> --list',
      });
    }
    return this.toTask(task);
  }

  async listTasks(region: string, fileSystemId: string): Promise<FsxTask[]> {
    const state = await this.store.read();
    return state.tasks
      .filter((task) => task.region === region && task.file_system_id === fileSystemId)
      .map((task) => this.toTask(task));
  }

  createSnapshot(region: string, fileSystem: FsxFileSystem, name: string): Promise<FsxSnapshot> {
    return this.snapshots.createSnapshot(region, fileSystem, name);
  }

  listSnapshots(region: string, fileSystem: FsxFileSystem): Promise<FsxSnapshot[]> {
    return this.snapshots.listSnapshots(region, fileSystem);
  }

  restoreSnapshot(region: string, fileSystem: FsxFileSystem, snapshotId: string): Promise<void> {
    return this.snapshots.restoreSnapshot(region, fileSystem, snapshotId);
  }

  cloneSnapshot(
    region: string,
    fileSystem: FsxFileSystem,
    snapshotId: string,
    name: string,
  ): Promise<FsxVolume> {
    return this.snapshots.cloneSnapshot(region, fileSystem, snapshotId, name);
  }
}
