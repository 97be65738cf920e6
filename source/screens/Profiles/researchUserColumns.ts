import type { TableColumn } from '../../components/TableColumn.js';
import type { ResearchUser } from '../../core/identity/ResearchUser.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';

const safe = sanitizeForTerminal;

/** The research users tab: the POSIX identity each workstation gets, and who it is. */
export function researchUserColumns(width: number): TableColumn<ResearchUser>[] {
  const wide = width >= 100;
  return [
    { id: 'username', title: 'USERNAME', width: 12, cell: (user) => safe(user.username) },
    { id: 'uid', title: 'UID', width: 6, align: 'right', cell: (user) => String(user.uid) },
    { id: 'gid', title: 'GID', width: 6, align: 'right', cell: (user) => String(user.gid) },
    { id: 'name', title: 'FULL NAME', width: 12, grow: true, cell: (user) => safe(user.full_name ?? '') },
    ...(wide
      ? [
          {
            id: 'email',
            title: 'EMAIL',
            width: 16,
            grow: true,
            cell: (user: ResearchUser) => safe(user.email ?? ''),
          },
        ]
      : []),
    {
      id: 'globus',
      title: 'GLOBUS',
      width: 14,
      grow: true,
      cell: (user) => safe(user.globus?.username ?? ''),
    },
    {
      id: 'keys',
      title: 'KEYS',
      width: 4,
      align: 'right',
      cell: (user) => String(user.ssh_public_keys.length),
    },
  ];
}
