import type { Theme } from '../../app/theme.js';
import type { TableColumn } from '../../components/TableColumn.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import type { Workstation } from '../../core/workstations/Workstation.js';
import { rowBadges } from './rowBadges.js';
import { shortStateLabel } from './shortStateLabel.js';
import type { SortKey } from './sortWorkstations.js';
import { formatHourlyCost, formatUptime, stateLabel, uptimeMs } from './workstationFigures.js';

/** Below this many columns the narrow widths are used (80-column terminals). */
export const WIDE_FROM = 110;

export interface DashboardColumnOptions {
  /** Rows of more than one region are shown: REGION is needed even when narrow. */
  manyRegions: boolean;
}

/**
 * The dashboard's columns for a terminal width; `now` is the time of the data shown (uptime). When
 * they do not fit, the table leaves out the lowest priority first: NAME and STATE stay longest.
 */
export function dashboardColumns(
  width: number,
  theme: Theme,
  now: number,
  { manyRegions }: DashboardColumnOptions,
): TableColumn<Workstation>[] {
  const wide = width >= WIDE_FROM;
  const column = (
    id: SortKey | 'connect' | 'region' | 'badges',
    title: string,
    narrow: number,
    wideWidth: number,
    priority: number,
    cell: (w: Workstation) => string,
  ): TableColumn<Workstation> => ({ id, title, width: wide ? wideWidth : narrow, priority, cell });
  return [
    // NAME has no priority: it is never left out, and it takes the room the others leave.
    {
      id: 'name',
      title: 'NAME',
      width: wide ? 20 : 14,
      grow: true,
      cell: (w) => sanitizeForTerminal(w.name),
    },
    column('template', 'TEMPLATE', 10, 12, 2, (w) => sanitizeForTerminal(w.template)),
    column('type', 'TYPE', 11, 12, 7, (w) => sanitizeForTerminal(w.instance_type)),
    { ...column('badges', '', 2, 2, 6, rowBadges), color: () => theme.warning },
    ...(wide || manyRegions
      ? [column('region', 'REGION', 14, 14, manyRegions ? 8 : 1, (w) => sanitizeForTerminal(w.region))]
      : []),
    {
      // Whole names when wide; short ones (explained by the legend) when narrow, never cut.
      ...column('state', 'STATE', 6, 16, 10, (w) =>
        sanitizeForTerminal(wide ? stateLabel(w) : shortStateLabel(w)),
      ),
      color: (w) => theme.state(w.state, w.hibernated),
    },
    { ...column('uptime', 'UP', 6, 6, 3, (w) => formatUptime(uptimeMs(w, now))), align: 'right' },
    { ...column('cost', '$/H', 8, 8, 9, formatHourlyCost), align: 'right' },
    column('user', 'USER', 8, 9, 4, (w) => sanitizeForTerminal(w.research_user ?? '-')),
    column('connect', 'CONNECT', 10, 10, 5, (w) => sanitizeForTerminal(w.connect)),
  ];
}
