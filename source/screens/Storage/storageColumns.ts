import type { Theme } from '../../app/theme.js';
import type { TableColumn } from '../../components/TableColumn.js';
import { formatGib } from '../../core/fsx/parseStorageAmounts.js';
import type { InstanceState } from '../../core/ports.js';
import { formatBytes } from '../../core/text/formatBytes.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import type { FileSystemRow } from './fileSystemRows.js';
import type { AccessPointRow, EbsVolumeRow } from './storageRows.js';

const WIDE_FROM = 110;
const safe = sanitizeForTerminal;

/** FSx capacity is provisioned (billed whole); EFS is what is stored. */
function sizeText(fs: FileSystemRow): string {
  if (fs.capacity_gib !== undefined) return formatGib(fs.capacity_gib);
  return fs.size_bytes === undefined ? '-' : formatBytes(fs.size_bytes);
}

/**
 * EFS, Lustre and OpenZFS side by side. When narrow, the details go first (who made it, users,
 * the id, the region, throughput, mounts); NAME, TYPE, STATE, SIZE and the price stay.
 */
export function fileSystemColumns(width: number): TableColumn<FileSystemRow>[] {
  return [
    { id: 'name', title: 'NAME', width: 12, grow: true, cell: (fs) => safe(fs.name) },
    { id: 'type', title: 'TYPE', width: 18, cell: (fs) => safe(fs.type) },
    { id: 'id', title: 'ID', width: width >= WIDE_FROM ? 20 : 12, priority: 2, cell: (fs) => safe(fs.id) },
    { id: 'region', title: 'REGION', width: 10, priority: 3, cell: (fs) => safe(fs.region) },
    { id: 'state', title: 'STATE', width: 9, cell: (fs) => safe(fs.state ?? '-') },
    { id: 'size', title: 'SIZE', width: 9, align: 'right', priority: 7, cell: sizeText },
    {
      id: 'throughput',
      title: 'THROUGHPUT',
      width: 12,
      align: 'right',
      priority: 4,
      cell: (fs) => safe(fs.throughput ?? '-'),
    },
    {
      id: 'monthly',
      title: '$/MONTH',
      width: 8,
      align: 'right',
      priority: 6,
      cell: (fs) => (fs.monthly_usd === undefined ? '-' : fs.monthly_usd.toFixed(2)),
    },
    {
      id: 'mounted',
      title: 'MOUNTED BY',
      width: 12,
      priority: 5,
      cell: (fs) => safe(fs.mounted_by?.join(', ') || '-'),
    },
    {
      id: 'users',
      title: 'USERS',
      width: 5,
      align: 'right',
      priority: 1,
      cell: (fs) => String(fs.users ?? '-'),
    },
    { id: 'owner', title: 'MADE BY', width: 9, priority: 0, cell: (fs) => fs.owner },
  ];
}

export function accessPointColumns(width: number): TableColumn<AccessPointRow>[] {
  const wide = width >= WIDE_FROM;
  return [
    { id: 'user', title: 'USER', width: 10, cell: (ap) => safe(ap.research_user) },
    { id: 'fs', title: 'FILE SYSTEM', width: 12, grow: true, cell: (ap) => safe(ap.file_system_name) },
    { id: 'uid', title: 'UID', width: 6, align: 'right', cell: (ap) => String(ap.uid) },
    { id: 'gid', title: 'GID', width: 6, align: 'right', cell: (ap) => String(ap.gid) },
    { id: 'root', title: 'ROOT', width: wide ? 20 : 14, cell: (ap) => safe(ap.root_directory) },
    ...(wide ? [{ id: 'id', title: 'ID', width: 24, cell: (ap: AccessPointRow) => safe(ap.id) }] : []),
  ];
}

export function volumeColumns(width: number, theme: Theme): TableColumn<EbsVolumeRow>[] {
  const wide = width >= WIDE_FROM;
  return [
    { id: 'name', title: 'WORKSTATION', width: 12, grow: true, cell: (v) => safe(v.workstation) },
    { id: 'role', title: 'ROLE', width: 4, cell: (v) => v.role },
    ...(wide
      ? [
          {
            id: 'id',
            title: 'VOLUME / INSTANCE',
            width: 21,
            cell: (v: EbsVolumeRow) => safe(v.volume_id ?? v.name),
          },
        ]
      : []),
    { id: 'region', title: 'REGION', width: 10, cell: (v) => safe(v.region) },
    { id: 'size', title: 'SIZE', width: 7, align: 'right', cell: (v) => `${v.size_gb} GiB` },
    { id: 'type', title: 'TYPE', width: 5, cell: (v) => safe(v.volume_type) },
    {
      id: 'state',
      title: 'STATE',
      width: 10,
      cell: (v) => safe(v.state),
      color: (v) =>
        v.role === 'root'
          ? theme.state(
              v.state === 'hibernated' ? 'stopped' : (v.state as InstanceState),
              v.state === 'hibernated',
            )
          : undefined,
    },
  ];
}
