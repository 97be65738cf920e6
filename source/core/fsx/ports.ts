import type {
  FsxCreateRequest,
  FsxDataRepository,
  FsxDataRepositoryRequest,
  FsxFileSystem,
  FsxSnapshot,
  FsxTask,
  FsxTaskKind,
  FsxVolume,
} from './FsxFileSystem.js';
import type { StoragePrices } from './storagePrices.js';

/**
 * FSx for Lustre and FSx for OpenZFS: `source/aws/fsx` with the SDK, `source/aws/demo/fsx` on the
 * demo account. Other capabilities (clusters) reference file systems through `listFileSystems`.
 */
export interface FsxPort {
  /** The app's FSx file systems (tagged cws:managed) in the regions, Lustre and OpenZFS. */
  listFileSystems(regions: readonly string[]): Promise<FsxFileSystem[]>;
  /** Every FSx file system in the region, the app's or not (to refuse acting on others by id). */
  findFileSystem(region: string, id: string): Promise<FsxFileSystem | undefined>;
  /** Creates it in the subnet, with its S3 link or root volume settings; returns it while creating. */
  createFileSystem(region: string, request: FsxCreateRequest): Promise<FsxFileSystem>;
  /**
   * Links an available Lustre file system to S3 at /data (a data repository association with
   * automatic import and export as asked); the existing link when it already has one.
   */
  linkDataRepository(
    region: string,
    fileSystemId: string,
    repository: FsxDataRepositoryRequest,
  ): Promise<FsxDataRepository>;
  deleteFileSystem(region: string, id: string): Promise<void>;
  /** Starts an import, export or release task on a Lustre file system linked to S3. */
  startTask(region: string, fileSystem: FsxFileSystem, kind: FsxTaskKind): Promise<FsxTask>;
  describeTask(region: string, taskId: string): Promise<FsxTask>;
  listTasks(region: string, fileSystemId: string): Promise<FsxTask[]>;
  /** Snapshots of an OpenZFS file system's root volume. */
  createSnapshot(region: string, fileSystem: FsxFileSystem, name: string): Promise<FsxSnapshot>;
  listSnapshots(region: string, fileSystem: FsxFileSystem): Promise<FsxSnapshot[]>;
  /** Rolls the root volume back to the snapshot (later snapshots are deleted, as FSx requires). */
  restoreSnapshot(region: string, fileSystem: FsxFileSystem, snapshotId: string): Promise<void>;
  /** A new child volume cloned from the snapshot, mounted at /fsx/<name>. */
  cloneSnapshot(
    region: string,
    fileSystem: FsxFileSystem,
    snapshotId: string,
    name: string,
  ): Promise<FsxVolume>;
  /**
   * The busiest hour's average MB/s of reads and writes over the last `days` (CloudWatch's
   * DataReadBytes and DataWriteBytes); undefined when nothing was published.
   */
  peakThroughputMbps(region: string, fileSystem: FsxFileSystem, days: number): Promise<number | undefined>;
  /** Changes the provisioned throughput: Lustre persistent2's MB/s per TiB, OpenZFS's MB/s. */
  updateThroughput(region: string, fileSystem: FsxFileSystem, throughput: number): Promise<void>;
}

/**
 * The storage prices of one region as the Price List API lists them (AmazonFSx, AmazonEFS): what
 * it did not list is absent, and the snapshot's figure stands in for it.
 */
export interface StoragePriceList {
  region: string;
  lustre: {
    scratch2_gb_month?: number;
    persistent2_gb_month: Record<number, number>;
    persistent1_hdd_gb_month: Record<number, number>;
    backup_gb_month?: number;
  };
  openzfs: { ssd_gb_month?: number; throughput_mbps_month?: number; backup_gb_month?: number };
  efs: { standard_gb_month?: number; infrequent_access_gb_month?: number; archive_gb_month?: number };
}

/** The port `source/aws/pricing` implements with GetProducts for AmazonFSx and AmazonEFS. */
export interface StoragePriceSource {
  fetchStoragePrices(region: string): Promise<StoragePriceList>;
}

/** FSx and EFS prices of a region for the advisor and the cost report; never rejects. */
export interface StoragePricePort {
  pricesFor(region: string): Promise<StoragePrices>;
}
