import type { ResourceTags } from './resourceTags.js';

/** EFS: shared home and project file systems, their mount targets and access points. */

export type FileSystemState = 'creating' | 'available' | 'updating' | 'deleting' | 'deleted' | 'error';

export interface FileSystem {
  id: string;
  name: string;
  region: string;
  state: FileSystemState;
  size_bytes: number;
  created_at: string;
  tags: ResourceTags;
}

export interface AccessPoint {
  id: string;
  file_system_id: string;
  uid: number;
  gid: number;
  root_directory: string;
  tags: ResourceTags;
}

export interface StoragePort {
  listFileSystems(regions: string[]): Promise<FileSystem[]>;
  createFileSystem(region: string, name: string, tags: ResourceTags): Promise<FileSystem>;
  /** A mount target in the subnet (idempotent). */
  ensureMountTarget(region: string, fileSystemId: string, subnetId: string | undefined): Promise<void>;
  /** One access point per research user: POSIX identity and a root directory created with it. */
  ensureAccessPoint(
    region: string,
    fileSystemId: string,
    user: { username: string; uid: number; gid: number },
    tags: ResourceTags,
  ): Promise<AccessPoint>;
  listAccessPoints(region: string, fileSystemId: string): Promise<AccessPoint[]>;
  /** Deletes a file system with its mount targets and access points (its files are lost). */
  deleteFileSystem(region: string, fileSystemId: string): Promise<void>;
}
