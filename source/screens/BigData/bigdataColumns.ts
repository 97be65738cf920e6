import type { TableColumn } from '../../components/TableColumn.js';
import type { JobRun, SparkApplication } from '../../core/bigdata/ports.js';
import { sanitizeForTerminal as safe } from '../../core/text/sanitizeForTerminal.js';

export interface ApplicationRow {
  application: SparkApplication;
  /** $/h now: the warm capacity while started, nothing while stopped. */
  usd_per_hour?: number;
  /** $/h at the maximum capacity: the cost cap. */
  usd_per_hour_cap?: number;
}

export interface RunRow {
  run: JobRun;
  duration_seconds: number;
  usd?: number;
}

const usd = (value: number | undefined, digits = 3) =>
  value === undefined ? '-' : `$${value.toFixed(digits)}`;

/** "1h02m", "3m05s", "42s". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

export const applicationColumns: TableColumn<ApplicationRow>[] = [
  { id: 'name', title: 'APPLICATION', width: 12, grow: true, cell: (r) => safe(r.application.name) },
  { id: 'state', title: 'STATE', width: 10, cell: (r) => r.application.state },
  {
    id: 'capacity',
    title: 'MAX CAPACITY',
    width: 16,
    cell: (r) => `${r.application.maximum_capacity.vcpu} vCPU/${r.application.maximum_capacity.memory_gb} GB`,
  },
  { id: 'rate', title: '$/H', width: 8, align: 'right', cell: (r) => usd(r.usd_per_hour) },
  {
    id: 'cap',
    title: '$/H MAX',
    width: 8,
    align: 'right',
    cell: (r) => usd(r.usd_per_hour_cap),
    priority: 1,
  },
  { id: 'release', title: 'RELEASE', width: 10, cell: (r) => safe(r.application.release_label), priority: 2 },
  { id: 'region', title: 'REGION', width: 10, cell: (r) => r.application.region, priority: 1 },
];

export const runColumns: TableColumn<RunRow>[] = [
  { id: 'name', title: 'RUN', width: 14, grow: true, cell: (r) => safe(r.run.name || r.run.id) },
  { id: 'state', title: 'STATE', width: 10, cell: (r) => r.run.state },
  {
    id: 'duration',
    title: 'DURATION',
    width: 8,
    align: 'right',
    cell: (r) => formatDuration(r.duration_seconds),
  },
  { id: 'cost', title: 'COST', width: 8, align: 'right', cell: (r) => usd(r.usd) },
  { id: 'id', title: 'ID', width: 20, cell: (r) => safe(r.run.id), priority: 1 },
];
