import type { ResourceTags } from '../ports/resourceTags.js';

/** The two FSx file system types the app creates. */
export const FSX_TYPES = ['lustre', 'openzfs'] as const;
export type FsxType = (typeof FSX_TYPES)[number];

/** Lustre's deployment types the app creates: scratch (no replication) and persistent (replicated). */
export const LUSTRE_DEPLOYMENTS = ['scratch2', 'persistent2'] as const;
export type LustreDeployment = (typeof LUSTRE_DEPLOYMENTS)[number];
/** OpenZFS's deployment type the app creates: one zone, SSD. */
export type OpenZfsDeployment = 'single-az-1';
export type FsxDeployment = LustreDeployment | OpenZfsDeployment;

export const OPENZFS_COMPRESSIONS = ['zstd', 'lz4', 'none'] as const;
export type OpenZfsCompression = (typeof OPENZFS_COMPRESSIONS)[number];

/** FSx's lifecycle names, lower-cased. */
export type FsxState = 'creating' | 'available' | 'updating' | 'deleting' | 'failed' | 'misconfigured';

/** A Lustre file system's link to S3: what is imported from it and exported to it automatically. */
export interface FsxDataRepository {
  association_id: string;
  /** s3://bucket/prefix/ */
  s3_path: string;
  /** Where it appears on the file system: /data */
  file_system_path: string;
  auto_import: boolean;
  auto_export: boolean;
  state: string;
}

/** A research user's limit on an OpenZFS file system (its root volume). */
export interface FsxUserQuota {
  uid: number;
  gib: number;
  /** The research user's name, when the quota was set by name. */
  user?: string;
}

/** An FSx file system as the app sees it, rebuilt from FSx on every refresh. */
export interface FsxFileSystem {
  id: string;
  name: string;
  region: string;
  type: FsxType;
  deployment: FsxDeployment;
  state: FsxState;
  capacity_gib: number;
  /** Lustre: MB/s per TiB of storage; OpenZFS: MB/s for the whole file system. */
  throughput: number;
  dns_name: string;
  /** Lustre's mount name (the path after @tcp:/). */
  mount_name?: string;
  /** OpenZFS's root volume, where quotas, snapshots and clones live. */
  root_volume_id?: string;
  compression?: OpenZfsCompression;
  quotas?: FsxUserQuota[];
  data_repository?: FsxDataRepository;
  /** Automatic daily backups kept this many days (0: none; scratch keeps none). */
  backup_retention_days: number;
  created_at: string;
  tags: ResourceTags;
}

/** What `storage create --type lustre|openzfs` asks FSx for. */
export interface FsxCreateRequest {
  name: string;
  type: FsxType;
  deployment: FsxDeployment;
  capacity_gib: number;
  throughput: number;
  tags: ResourceTags;
  /** The profile's subnet (the region's default subnet when absent). */
  subnet_id?: string;
  /** An admin's own security group, used as is; otherwise the workstations' group. */
  security_group_id?: string;
  compression?: OpenZfsCompression;
  quotas?: FsxUserQuota[];
}

/** A Lustre file system's link to S3 as asked for: `--s3 s3://bucket/prefix --import --export`. */
export interface FsxDataRepositoryRequest {
  s3_path: string;
  auto_import: boolean;
  auto_export: boolean;
}

export const FSX_TASK_KINDS = ['import', 'export', 'release'] as const;
export type FsxTaskKind = (typeof FSX_TASK_KINDS)[number];
export type FsxTaskState = 'pending' | 'executing' | 'failed' | 'succeeded' | 'canceled' | 'canceling';

/** A data repository task: moving files between Lustre and S3, with its progress. */
export interface FsxTask {
  id: string;
  file_system_id: string;
  kind: FsxTaskKind;
  state: FsxTaskState;
  total: number;
  succeeded: number;
  failed: number;
  created_at: string;
  ended_at?: string;
  failure?: string;
}

/** An OpenZFS snapshot of a volume. */
export interface FsxSnapshot {
  id: string;
  name: string;
  volume_id: string;
  state: 'pending' | 'creating' | 'deleting' | 'available';
  created_at: string;
}

/** An OpenZFS volume made from a snapshot: a reproducible copy of a dataset that shares its blocks. */
export interface FsxVolume {
  id: string;
  name: string;
  file_system_id: string;
  /** Where it appears on the file system: /fsx/<name> */
  junction_path: string;
  origin_snapshot_id?: string;
  state: string;
}
