import type {
  DataRepositoryAssociation,
  DataRepositoryTask,
  FileSystem as FsxApiFileSystem,
  Snapshot,
  Volume,
} from '@aws-sdk/client-fsx';
import type {
  FsxDataRepository,
  FsxFileSystem,
  FsxSnapshot,
  FsxState,
  FsxTask,
  FsxTaskKind,
  FsxTaskState,
  FsxUserQuota,
  FsxVolume,
  OpenZfsCompression,
} from '../../core/fsx/FsxFileSystem.js';
import { TAG } from '../../core/ports.js';
import { fromTagList } from '../tagList.js';

const STATES: Record<string, FsxState> = {
  AVAILABLE: 'available',
  CREATING: 'creating',
  DELETING: 'deleting',
  FAILED: 'failed',
  MISCONFIGURED: 'misconfigured',
  MISCONFIGURED_UNAVAILABLE: 'misconfigured',
  UPDATING: 'updating',
};

/** FSx's answer as the app's file system; undefined for types the app does not manage (Windows, ONTAP). */
export function toFsxFileSystem(
  description: FsxApiFileSystem,
  region: string,
  extras: { repository?: FsxDataRepository; rootVolume?: Volume } = {},
): FsxFileSystem | undefined {
  const tags = fromTagList(description.Tags);
  const base = {
    id: description.FileSystemId ?? '',
    name: tags[TAG.name] ?? description.FileSystemId ?? '',
    region,
    state: STATES[description.Lifecycle ?? ''] ?? 'failed',
    capacity_gib: description.StorageCapacity ?? 0,
    dns_name: description.DNSName ?? '',
    created_at: (description.CreationTime ?? new Date(0)).toISOString(),
    tags,
  };
  if (description.FileSystemType === 'LUSTRE') {
    const lustre = description.LustreConfiguration ?? {};
    const persistent = lustre.DeploymentType === 'PERSISTENT_2';
    return {
      ...base,
      type: 'lustre',
      deployment: persistent ? 'persistent2' : 'scratch2',
      throughput: persistent ? (lustre.PerUnitStorageThroughput ?? 125) : 200,
      ...(lustre.MountName ? { mount_name: lustre.MountName } : {}),
      ...(extras.repository ? { data_repository: extras.repository } : {}),
      backup_retention_days: lustre.AutomaticBackupRetentionDays ?? 0,
    };
  }
  if (description.FileSystemType === 'OPENZFS') {
    const zfs = description.OpenZFSConfiguration ?? {};
    const root = extras.rootVolume?.OpenZFSConfiguration;
    const quotas: FsxUserQuota[] = (root?.UserAndGroupQuotas ?? [])
      .filter((quota) => quota.Type === 'USER')
      .map((quota) => ({ uid: quota.Id ?? 0, gib: quota.StorageCapacityQuotaGiB ?? 0 }));
    return {
      ...base,
      type: 'openzfs',
      deployment: 'single-az-1',
      throughput: zfs.ThroughputCapacity ?? 0,
      ...(zfs.RootVolumeId ? { root_volume_id: zfs.RootVolumeId } : {}),
      ...(root?.DataCompressionType
        ? { compression: root.DataCompressionType.toLowerCase() as OpenZfsCompression }
        : {}),
      ...(root ? { quotas } : {}),
      backup_retention_days: zfs.AutomaticBackupRetentionDays ?? 0,
    };
  }
  return undefined;
}

export function toDataRepository(association: DataRepositoryAssociation): FsxDataRepository {
  const events = (policy: { Events?: string[] } | undefined) => (policy?.Events ?? []).length > 0;
  return {
    association_id: association.AssociationId ?? '',
    s3_path: association.DataRepositoryPath ?? '',
    file_system_path: association.FileSystemPath ?? '/',
    auto_import: events(association.S3?.AutoImportPolicy),
    auto_export: events(association.S3?.AutoExportPolicy),
    state: (association.Lifecycle ?? 'CREATING').toLowerCase(),
  };
}

export const TASK_TYPES: Record<
  FsxTaskKind,
  'IMPORT_METADATA_FROM_REPOSITORY' | 'EXPORT_TO_REPOSITORY' | 'RELEASE_DATA_FROM_FILESYSTEM'
> = {
  import: 'IMPORT_METADATA_FROM_REPOSITORY',
  export: 'EXPORT_TO_REPOSITORY',
  release: 'RELEASE_DATA_FROM_FILESYSTEM',
};

export function toFsxTask(task: DataRepositoryTask): FsxTask {
  const kind =
    (Object.keys(TASK_TYPES) as FsxTaskKind[]).find((key) => TASK_TYPES[key] === task.Type) ?? 'import';
  return {
    id: task.TaskId ?? '',
    file_system_id: task.FileSystemId ?? '',
    kind,
    state: (task.Lifecycle ?? 'PENDING').toLowerCase() as FsxTaskState,
    total: task.Status?.TotalCount ?? 0,
    succeeded: task.Status?.SucceededCount ?? 0,
    failed: task.Status?.FailedCount ?? 0,
    created_at: (task.CreationTime ?? new Date(0)).toISOString(),
    ...(task.EndTime ? { ended_at: task.EndTime.toISOString() } : {}),
    ...(task.FailureDetails?.Message ? { failure: task.FailureDetails.Message } : {}),
  };
}

export function toFsxSnapshot(snapshot: Snapshot): FsxSnapshot {
  return {
    id: snapshot.SnapshotId ?? '',
    name: snapshot.Name ?? '',
    volume_id: snapshot.VolumeId ?? '',
    state: (snapshot.Lifecycle ?? 'PENDING').toLowerCase() as FsxSnapshot['state'],
    created_at: (snapshot.CreationTime ?? new Date(0)).toISOString(),
  };
}

export function toFsxVolume(volume: Volume): FsxVolume {
  const zfs = volume.OpenZFSConfiguration;
  return {
    id: volume.VolumeId ?? '',
    name: volume.Name ?? '',
    file_system_id: volume.FileSystemId ?? '',
    junction_path: zfs?.VolumePath ?? '',
    ...(zfs?.OriginSnapshot?.SnapshotARN
      ? { origin_snapshot_id: zfs.OriginSnapshot.SnapshotARN.split('/').pop() ?? '' }
      : {}),
    state: (volume.Lifecycle ?? 'CREATING').toLowerCase(),
  };
}
