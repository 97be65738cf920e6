import type { Theme } from '../../app/theme.js';
import type { TableColumn } from '../../components/TableColumn.js';
import type { InstanceState } from '../../core/ports.js';
import { formatBytes } from '../../core/text/formatBytes.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import type { AccessPointRow, EbsVolumeRow, FileSystemRow } from './storageRows.js';

const WIDE_FROM = 110;
const safe = sanitizeForTerminal;

export function fileSystemColumns(width: number): TableColumn<FileSystemRow>[] {
  const wide = width >= WIDE_FROM;
  return [
    { id: 'name', title: 'NAME', width: 12, grow: true, cell: (fs) => safe(fs.name) },
    { id: 'id', title: 'ID', width: wide ? 21 : 12, cell: (fs) => safe(fs.id) },
    { id: 'region', title: 'REGION', width: 10, cell: (fs) => safe(fs.region) },
    { id: 'state', title: 'STATE', width: 9, cell: (fs) => safe(fs.state ?? '-') },
    {
      id: 'size',
      title: 'SIZE',
      width: 10,
      align: 'right',
      cell: (fs) => (fs.size_bytes === undefined ? '-' : formatBytes(fs.size_bytes)),
    },
    { id: 'users', title: 'USERS', width: 5, align: 'right', cell: (fs) => String(fs.users ?? '-') },
    ...(wide
      ? [
          { id: 'owner', title: 'MADE BY', width: 9, cell: (fs: FileSystemRow) => fs.owner },
          {
            id: 'created',
            title: 'CREATED',
            width: 10,
            cell: (fs: FileSystemRow) => safe(fs.created_at?.slice(0, 10) ?? '-'),
          },
        ]
      : []),
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
