import type { StorageListing } from '../../app/session/listStorage.js';
import type { FsxType } from '../../core/fsx/FsxFileSystem.js';
import { fsxListing } from '../../core/fsx/fsxListing.js';
import { workstationsMounting } from '../../core/storage/fileSystemOperations.js';
import type { Workstation } from '../../core/workstations/Workstation.js';

/** What a file system is: EFS (elastic, billed per GB stored) or one of the two FSx types. */
export type FileSystemKind = 'efs' | FsxType;

/** A file system as the storage screen lists it: EFS, FSx for Lustre or FSx for OpenZFS, side by side. */
export interface FileSystemRow {
  id: string;
  name: string;
  region: string;
  kind: FileSystemKind;
  /** The kind and its deployment, as the TYPE column says it (`EFS`, `Lustre scratch2`). */
  type: string;
  /** Who made it: the app (tagged as managed) or SageMaker (for the app's Studio domain). */
  owner: 'cws-tui' | 'SageMaker';
  state?: string;
  /** What is stored (EFS is metered by it). */
  size_bytes?: number;
  /** What is provisioned and billed (FSx). */
  capacity_gib?: number;
  /** `elastic` for EFS; MB/s per TiB for Lustre, MB/s for OpenZFS. */
  throughput?: string;
  /** The month's price at today's size (EFS) or shape (FSx); undefined when it has no price. */
  monthly_usd?: number;
  /** The workstations launched with it (by their tag). */
  mounted_by?: string[];
  /** Access points, one per research user (the app's EFS file systems only). */
  users?: number;
  created_at?: string;
}

/** What the rows need beyond the listing to say who mounts a file system and what it costs. */
export interface FileSystemPricing {
  workstations: readonly Workstation[];
  /** EFS standard storage's USD per GB-month in a region (the price catalog's, with discounts). */
  efsGbMonth(region: string): number | undefined;
}

const GIB = 1024 ** 3;

const FSX_TYPE_NAMES: Record<FsxType, string> = { lustre: 'Lustre', openzfs: 'OpenZFS' };

export function fileSystemRows(listing: StorageListing, pricing?: FileSystemPricing): FileSystemRow[] {
  const workstations = pricing?.workstations ?? [];
  return [
    ...listing.file_systems.map((fileSystem): FileSystemRow => {
      const perGb = pricing?.efsGbMonth(fileSystem.region);
      return {
        id: fileSystem.id,
        name: fileSystem.left_by_domain
          ? `${fileSystem.name} (left by a deleted domain; cws-tui storage delete ${fileSystem.id})`
          : fileSystem.name,
        region: fileSystem.region,
        kind: 'efs',
        type: 'EFS',
        owner: 'cws-tui',
        state: fileSystem.state,
        size_bytes: fileSystem.size_bytes,
        throughput: 'elastic',
        ...(perGb === undefined
          ? {}
          : { monthly_usd: Math.round((fileSystem.size_bytes / GIB) * perGb * 100) / 100 }),
        ...(pricing ? { mounted_by: workstationsMounting(fileSystem, workstations).map((w) => w.name) } : {}),
        users: fileSystem.access_points.length,
        created_at: fileSystem.created_at,
      };
    }),
    ...fsxListing(listing.fsx, workstations, listing.fsx_prices).map(
      (fs): FileSystemRow => ({
        id: fs.id,
        name: fs.name,
        region: fs.region,
        kind: fs.type,
        type: fs.type === 'lustre' ? `Lustre ${fs.deployment}` : FSX_TYPE_NAMES[fs.type],
        owner: 'cws-tui',
        state: fs.state,
        capacity_gib: fs.capacity_gib,
        throughput: fs.type === 'lustre' ? `${fs.throughput} MB/s/TiB` : `${fs.throughput} MB/s`,
        monthly_usd: fs.monthly_usd,
        ...(pricing ? { mounted_by: fs.mounted_by } : {}),
        ...(fs.quotas ? { users: fs.quotas.length } : {}),
        created_at: fs.created_at,
      }),
    ),
    ...listing.studio_homes.map(
      (home): FileSystemRow => ({
        id: home.file_system_id,
        name: `Studio homes (${home.domain_id})`,
        region: home.region,
        kind: 'efs',
        type: 'EFS',
        owner: 'SageMaker',
      }),
    ),
  ];
}
