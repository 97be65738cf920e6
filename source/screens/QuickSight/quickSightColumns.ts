import type { TableColumn } from '../../components/TableColumn.js';
import type {
  QuickSightDashboard,
  QuickSightEdition,
  QuickSightUser,
} from '../../core/analytics/quickSightPorts.js';
import { quickSightUserMonthly } from '../../core/analytics/quickSightPricing.js';
import { sanitizeForTerminal as safe } from '../../core/text/sanitizeForTerminal.js';

export function userColumns(edition: QuickSightEdition): TableColumn<QuickSightUser>[] {
  return [
    { id: 'name', title: 'USER', width: 24, grow: true, cell: (user) => safe(user.name) },
    { id: 'role', title: 'ROLE', width: 10, cell: (user) => user.role.toLowerCase() },
    {
      id: 'monthly',
      title: '$/MONTH',
      width: 8,
      align: 'right',
      cell: (user) => `$${quickSightUserMonthly(edition, user.role).toFixed(2)}`,
    },
  ];
}

export const dashboardColumns: TableColumn<QuickSightDashboard>[] = [
  { id: 'id', title: 'DASHBOARD', width: 24, cell: (d) => safe(d.id) },
  { id: 'name', title: 'NAME', width: 30, grow: true, cell: (d) => safe(d.name) },
  {
    id: 'updated',
    title: 'UPDATED',
    width: 16,
    cell: (d) => (d.updated_at ?? '-').slice(0, 16).replace('T', ' '),
  },
];
