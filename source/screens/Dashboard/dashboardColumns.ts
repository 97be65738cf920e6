import type { Theme } from '../../app/theme.js';
import type { TableColumn } from '../../components/TableColumn.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import type { Workstation } from '../../core/workstations/Workstation.js';
import type { SortKey } from './sortWorkstations.js';
import { formatHourlyCost, formatUptime, stateLabel, uptimeMs } from './workstationFigures.js';

/** Below this many columns the narrow widths are used (80-column terminals). */
const WIDE_FROM = 110;

/** The dashboard's columns for a terminal width; `now` is the time of the data shown (uptime). */
export function dashboardColumns(width: number, theme: Theme, now: number): TableColumn<Workstation>[] {
  const wide = width >= WIDE_FROM;
  const column = (
    id: SortKey | 'connect',
    title: string,
    narrow: number,
    wideWidth: number,
    cell: (w: Workstation) => string,
  ): TableColumn<Workstation> => ({ id, title, width: wide ? wideWidth : narrow, cell });
  return [
    { ...column('name', 'NAME', 12, 18, (w) => sanitizeForTerminal(w.name)), grow: true },
    column('template', 'TEMPLATE', 10, 16, (w) => sanitizeForTerminal(w.template)),
    column('type', 'TYPE', 10, 12, (w) => sanitizeForTerminal(w.instance_type)),
    {
      ...column('state', 'STATE', 10, 16, (w) => sanitizeForTerminal(stateLabel(w))),
      color: (w) => theme.state(w.state, w.hibernated),
    },
    { ...column('uptime', 'UP', 6, 7, (w) => formatUptime(uptimeMs(w, now))), align: 'right' },
    { ...column('cost', '$/H', 7, 8, formatHourlyCost), align: 'right' },
    column('user', 'USER', 7, 10, (w) => sanitizeForTerminal(w.research_user ?? '-')),
    column('connect', 'CONNECT', 6, 10, (w) => sanitizeForTerminal(w.connect)),
  ];
}
