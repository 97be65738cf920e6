import { CloudError } from '../../../core/CloudError.js';
import type { FsxFileSystem, FsxSnapshot, FsxVolume } from '../../../core/fsx/FsxFileSystem.js';
import { demoFsxId } from './demoFsxId.js';
import type { DemoFsxState, DemoFsxStore } from './demoFsxState.js';

const SNAPSHOT_SECONDS = 3;

/** OpenZFS snapshots, restores and clones in the demo account. */
export class DemoFsxSnapshots {
  constructor(
    private readonly store: DemoFsxStore,
    private readonly later: (seconds: number) => string,
    private readonly now: () => number = Date.now,
  ) {}

  async createSnapshot(region: string, fileSystem: FsxFileSystem, name: string): Promise<FsxSnapshot> {
    const volumeId = requireRootVolume(fileSystem);
    const snapshot = await this.store.update((state) => {
      const existing = state.snapshots.find((found) => found.volume_id === volumeId && found.name === name);
      if (existing) return existing;
      const created = {
        id: demoFsxId('fsvolsnap', state.serial++),
        region,
        file_system_id: fileSystem.id,
        volume_id: volumeId,
        name,
        created_at: new Date(this.now()).toISOString(),
        available_at: this.later(SNAPSHOT_SECONDS),
      };
      state.snapshots.push(created);
      return created;
    });
    return this.toSnapshot(snapshot);
  }

  private toSnapshot(raw: DemoFsxState['snapshots'][number]): FsxSnapshot {
    return {
      id: raw.id,
      name: raw.name,
      volume_id: raw.volume_id,
      state: Date.parse(raw.available_at) <= this.now() ? 'available' : 'creating',
      created_at: raw.created_at,
    };
  }

  async listSnapshots(region: string, fileSystem: FsxFileSystem): Promise<FsxSnapshot[]> {
    const volumeId = requireRootVolume(fileSystem);
    return (await this.store.read()).snapshots
      .filter((snapshot) => snapshot.region === region && snapshot.volume_id === volumeId)
      .map((snapshot) => this.toSnapshot(snapshot));
  }

  /** As FSx does with DELETE_INTERMEDIATE_SNAPSHOTS: snapshots newer than the one restored go. */
  async restoreSnapshot(_region: string, fileSystem: FsxFileSystem, snapshotId: string): Promise<void> {
    requireRootVolume(fileSystem);
    await this.store.update((state) => {
      const snapshot = state.snapshots.find(
        (found) => found.id === snapshotId && found.file_system_id === fileSystem.id,
      );
      if (!snapshot) throw snapshotNotFound(snapshotId, fileSystem.id);
      state.snapshots = state.snapshots.filter(
        (found) => found.file_system_id !== fileSystem.id || found.created_at <= snapshot.created_at,
      );
      state.restores.push({
        file_system_id: fileSystem.id,
        snapshot_id: snapshotId,
        at: new Date(this.now()).toISOString(),
      });
    });
  }

  async cloneSnapshot(
    region: string,
    fileSystem: FsxFileSystem,
    snapshotId: string,
    name: string,
  ): Promise<FsxVolume> {
    requireRootVolume(fileSystem);
    const volume = await this.store.update((state) => {
      if (!state.snapshots.some((found) => found.id === snapshotId && found.file_system_id === fileSystem.id))
        throw snapshotNotFound(snapshotId, fileSystem.id);
      const existing = state.volumes.find(
        (found) => found.file_system_id === fileSystem.id && found.name === name,
      );
      if (existing) return existing;
      const created = {
        id: demoFsxId('fsvol', state.serial++),
        region,
        file_system_id: fileSystem.id,
        name,
        origin_snapshot_id: snapshotId,
      };
      state.volumes.push(created);
      return created;
    });
    return {
      id: volume.id,
      name: volume.name,
      file_system_id: volume.file_system_id,
      junction_path: `/fsx/${volume.name}`,
      origin_snapshot_id: volume.origin_snapshot_id,
      state: 'available',
    };
  }
}

function requireRootVolume(fileSystem: FsxFileSystem): string {
  if (fileSystem.type === 'openzfs' && fileSystem.root_volume_id) return fileSystem.root_volume_id;
  throw new CloudError({
    kind: 'invalid-parameter',
    code: 'BadRequest',
    message: `${fileSystem.id} is not an OpenZFS file system with a root volume: snapshots are OpenZFS's.`,
    hint: 'Snapshot an OpenZFS file system (storage create <name> --type openzfs).',
  });
}

function snapshotNotFound(snapshotId: string, fileSystemId: string): CloudError {
  return new CloudError({
    kind: 'not-found',
    code: 'SnapshotNotFound',
    message: `The snapshot ${snapshotId} is not one of ${fileSystemId}'s.`,
    hint: `List them with: cws-tui storage snapshot list ${fileSystemId}`,
  });
}
