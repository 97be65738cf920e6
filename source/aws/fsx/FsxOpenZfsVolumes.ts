import {
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DescribeSnapshotsCommand,
  type FSxClient,
  RestoreVolumeFromSnapshotCommand,
} from '@aws-sdk/client-fsx';
import { CloudError } from '../../core/CloudError.js';
import type { FsxFileSystem, FsxSnapshot, FsxVolume } from '../../core/fsx/FsxFileSystem.js';
import { TAG } from '../../core/ports.js';
import type { AwsCallContext } from '../AwsCallContext.js';
import { callAws } from '../callAws.js';
import { toFsxSnapshot, toFsxVolume } from './toFsxFileSystem.js';

/** OpenZFS snapshots of a file system's root volume, restores and clones, through the SDK. */
export class FsxOpenZfsVolumes {
  constructor(
    private readonly fsx: (region: string) => FSxClient,
    private readonly profile: string | undefined,
  ) {}

  private call(action: string, region: string): AwsCallContext {
    return { action, region, ...(this.profile ? { profile: this.profile } : {}) };
  }

  private rootVolume(fileSystem: FsxFileSystem): string {
    if (fileSystem.type === 'openzfs' && fileSystem.root_volume_id) return fileSystem.root_volume_id;
    throw new CloudError({
      kind: 'invalid-parameter',
      code: 'BadRequest',
      message: `${fileSystem.id} is not an OpenZFS file system with a root volume: snapshots are OpenZFS's.`,
      hint: 'Snapshot an OpenZFS file system (storage create <name> --type openzfs).',
    });
  }

  async createSnapshot(region: string, fileSystem: FsxFileSystem, name: string): Promise<FsxSnapshot> {
    const volumeId = this.rootVolume(fileSystem);
    const created = await callAws(this.call('fsx:CreateSnapshot', region), () =>
      this.fsx(region).send(
        new CreateSnapshotCommand({
          VolumeId: volumeId,
          Name: name,
          ClientRequestToken: `cws-${volumeId}-${name}`.slice(0, 63),
          Tags: [
            { Key: TAG.managed, Value: 'true' },
            { Key: TAG.name, Value: name },
          ],
        }),
      ),
    );
    return toFsxSnapshot(created.Snapshot ?? { VolumeId: volumeId, Name: name });
  }

  async listSnapshots(region: string, fileSystem: FsxFileSystem): Promise<FsxSnapshot[]> {
    const volumeId = this.rootVolume(fileSystem);
    const described = await callAws(this.call('fsx:DescribeSnapshots', region), () =>
      this.fsx(region).send(
        new DescribeSnapshotsCommand({ Filters: [{ Name: 'volume-id', Values: [volumeId] }] }),
      ),
    );
    return (described.Snapshots ?? [])
      .map(toFsxSnapshot)
      .sort((a, b) => a.created_at.localeCompare(b.created_at));
  }

  /** FSx refuses to roll back past newer snapshots unless told to delete them: the caller has confirmed that. */
  async restoreSnapshot(region: string, fileSystem: FsxFileSystem, snapshotId: string): Promise<void> {
    const volumeId = this.rootVolume(fileSystem);
    await callAws(this.call('fsx:RestoreVolumeFromSnapshot', region), () =>
      this.fsx(region).send(
        new RestoreVolumeFromSnapshotCommand({
          VolumeId: volumeId,
          SnapshotId: snapshotId,
          Options: ['DELETE_INTERMEDIATE_SNAPSHOTS'],
          ClientRequestToken: `cws-restore-${snapshotId}`.slice(0, 63),
        }),
      ),
    );
  }

  async cloneSnapshot(
    region: string,
    fileSystem: FsxFileSystem,
    snapshotId: string,
    name: string,
  ): Promise<FsxVolume> {
    const volumeId = this.rootVolume(fileSystem);
    const described = await callAws(this.call('fsx:DescribeSnapshots', region), () =>
      this.fsx(region).send(
        new DescribeSnapshotsCommand({ Filters: [{ Name: 'volume-id', Values: [volumeId] }] }),
      ),
    );
    const snapshot = described.Snapshots?.find((found) => found.SnapshotId === snapshotId);
    if (!snapshot?.ResourceARN) {
      throw new CloudError({
        kind: 'not-found',
        code: 'SnapshotNotFound',
        message: `The snapshot ${snapshotId} is not one of ${fileSystem.id}'s.`,
        hint: `List them with: cws-tui storage snapshot list ${fileSystem.id}`,
      });
    }
    const created = await callAws(this.call('fsx:CreateVolume', region), () =>
      this.fsx(region).send(
        new CreateVolumeCommand({
          VolumeType: 'OPENZFS',
          Name: name,
          ClientRequestToken: `cws-clone-${snapshotId}-${name}`.slice(0, 63),
          OpenZFSConfiguration: {
            ParentVolumeId: volumeId,
            // A clone shares the snapshot's blocks: instant, and it costs only what it changes.
            // Mounted through the root volume's export (crossmnt), at /fsx/<name>.
            OriginSnapshot: { SnapshotARN: snapshot.ResourceARN, CopyStrategy: 'CLONE' },
          },
          Tags: [
            { Key: TAG.managed, Value: 'true' },
            { Key: TAG.name, Value: name },
          ],
        }),
      ),
    );
    return toFsxVolume(created.Volume ?? { Name: name, FileSystemId: fileSystem.id });
  }
}
