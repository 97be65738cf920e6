import type { FileSystemWithAccessPoints, StorageListing } from '../../app/session/listStorage.js';
import { type AccessPoint, TAG } from '../../core/ports.js';
import { type FileSystemPricing, type FileSystemRow, fileSystemRows } from './fileSystemRows.js';

/** The three lists of the storage screen. */
export type StorageView = 'file-systems' | 'access-points' | 'volumes';

export const STORAGE_VIEWS: readonly StorageView[] = ['file-systems', 'access-points', 'volumes'];

export const STORAGE_VIEW_TITLES: Record<StorageView, string> = {
  'file-systems': 'File systems',
  'access-points': 'EFS access points',
  volumes: 'EBS volumes',
};

/** A tab's label: its name, then how many rows it has once listed (`EFS file systems (2)`). */
export function storageTabLabel(view: StorageView, count: number | undefined): string {
  return count === undefined ? STORAGE_VIEW_TITLES[view] : `${STORAGE_VIEW_TITLES[view]} (${count})`;
}

/** An EBS volume as the storage screen lists it: a workstation's root volume, or a data volume. */
export interface EbsVolumeRow {
  /** The row's key: the instance for a root volume (its volume id is not listed), else the volume. */
  key: string;
  role: 'root' | 'data';
  /** The workstation it belongs to or is attached to ('-' for a detached data volume). */
  workstation: string;
  volume_id?: string;
  name: string;
  region: string;
  size_gb: number;
  volume_type: string;
  /** The instance's state for a root volume (`hibernated` when stopped by hibernation), else the volume's. */
  state: string;
}

export function ebsVolumeRows(listing: StorageListing): EbsVolumeRow[] {
  const nameOf = new Map(listing.volumes.map((root) => [root.instance_id, root.instance_name]));
  return [
    ...listing.volumes.map(
      (root): EbsVolumeRow => ({
        key: root.instance_id,
        role: 'root',
        workstation: root.instance_name,
        name: root.instance_id,
        region: root.region,
        size_gb: root.size_gb,
        volume_type: root.volume_type,
        state: root.instance_state === 'stopped' && root.hibernated ? 'hibernated' : root.instance_state,
      }),
    ),
    ...listing.data_volumes.map(
      (volume): EbsVolumeRow => ({
        key: volume.id,
        role: 'data',
        workstation: volume.attached_to ? (nameOf.get(volume.attached_to) ?? volume.attached_to) : '-',
        volume_id: volume.id,
        name: volume.name,
        region: volume.region,
        size_gb: volume.size_gb,
        volume_type: volume.volume_type,
        state: volume.state,
      }),
    ),
  ];
}

/** An access point with the file system it belongs to, for one table. */
export interface AccessPointRow extends AccessPoint {
  file_system_name: string;
  region: string;
  research_user: string;
}

export function accessPointRows(fileSystems: readonly FileSystemWithAccessPoints[]): AccessPointRow[] {
  return fileSystems.flatMap((fileSystem) =>
    fileSystem.access_points.map((accessPoint) => ({
      ...accessPoint,
      file_system_name: fileSystem.name,
      region: fileSystem.region,
      research_user: accessPoint.tags[TAG.researchUser] ?? '-',
    })),
  );
}

/** The text a row is matched against by the `/` filter. */
function searchable(row: FileSystemRow | AccessPointRow | EbsVolumeRow): string[] {
  if ('owner' in row)
    return [row.name, row.id, row.region, row.owner, row.type, row.state ?? '', ...(row.mounted_by ?? [])];
  if ('file_system_id' in row) return [row.research_user, row.file_system_name, row.id, row.root_directory];
  return [row.workstation, row.name, row.volume_id ?? '', row.region, row.volume_type, row.state, row.role];
}

export function matchesStorageFilter(
  row: FileSystemRow | AccessPointRow | EbsVolumeRow,
  filter: string,
): boolean {
  if (filter === '') return true;
  const needle = filter.toLowerCase();
  return searchable(row).some((text) => text.toLowerCase().includes(needle));
}

/** The rows of one view, filtered. */
export function storageRows(
  listing: StorageListing,
  view: 'file-systems',
  filter: string,
  pricing?: FileSystemPricing,
): FileSystemRow[];
export function storageRows(listing: StorageListing, view: 'access-points', filter: string): AccessPointRow[];
export function storageRows(listing: StorageListing, view: 'volumes', filter: string): EbsVolumeRow[];
export function storageRows(
  listing: StorageListing,
  view: StorageView,
  filter: string,
  pricing?: FileSystemPricing,
): Array<FileSystemRow | AccessPointRow | EbsVolumeRow> {
  const rows =
    view === 'file-systems'
      ? fileSystemRows(listing, pricing)
      : view === 'access-points'
        ? accessPointRows(listing.file_systems)
        : ebsVolumeRows(listing);
  return rows.filter((row) => matchesStorageFilter(row, filter));
}
