import type { AccessPointDescription, FileSystemDescription } from '@aws-sdk/client-efs';
import { type AccessPoint, type FileSystem, type FileSystemState, TAG } from '../core/ports.js';
import { fromTagList } from './tagList.js';

export function toFileSystem(description: FileSystemDescription, region: string): FileSystem {
  const tags = fromTagList(description.Tags);
  return {
    id: description.FileSystemId ?? '',
    name: description.Name ?? tags[TAG.name] ?? description.FileSystemId ?? '',
    region,
    state: (description.LifeCycleState ?? 'creating') as FileSystemState,
    size_bytes: description.SizeInBytes?.Value ?? 0,
    created_at: description.CreationTime?.toISOString() ?? new Date(0).toISOString(),
    tags,
  };
}

export function toAccessPoint(description: AccessPointDescription): AccessPoint {
  return {
    id: description.AccessPointId ?? '',
    file_system_id: description.FileSystemId ?? '',
    uid: description.PosixUser?.Uid ?? -1,
    gid: description.PosixUser?.Gid ?? -1,
    root_directory: description.RootDirectory?.Path ?? '/',
    tags: fromTagList(description.Tags),
  };
}
