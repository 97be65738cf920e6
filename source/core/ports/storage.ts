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

/** The days after which EFS can move unread files to Infrequent Access (its lifecycle rules). */
export const EFS_IA_DAYS = [1, 7, 14, 30, 60, 90, 180, 270, 365] as const;
export type EfsIaDays = (typeof EFS_IA_DAYS)[number];

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
  /** After how many days unread files move to Infrequent Access; undefined: never (all Standard). */
  infrequentAccessDays(region: string, fileSystemId: string): Promise<EfsIaDays | undefined>;
  /** Sets that lifecycle rule (files move back to Standard on their first read). */
  setInfrequentAccessDays(region: string, fileSystemId: string, days: EfsIaDays): Promise<void>;
}
