import type { TableColumn } from '../../components/TableColumn.js';
import { dataBrewNodeHours, dataBrewRunCost } from '../../core/analytics/dataBrewCost.js';
import type { DataBrewJob, DataBrewJobRun } from '../../core/analytics/dataBrewPorts.js';
import { sanitizeForTerminal as safe } from '../../core/text/sanitizeForTerminal.js';
import { formatDuration } from '../BigData/bigdataColumns.js';

export interface DataBrewJobRow {
  job: DataBrewJob;
  last?: DataBrewJobRun;
}

/** A run's seconds: DataBrew's execution time once it has one, else the time since it started. */
export function runSeconds(run: DataBrewJobRun, now: number): number | undefined {
  if (run.execution_seconds !== undefined) return run.execution_seconds;
  return run.started_at ? (now - Date.parse(run.started_at)) / 1000 : undefined;
}

// A run is priced once DataBrew reports its execution time.
const usd = (run: DataBrewJobRun | undefined) =>
  run?.execution_seconds === undefined ? '-' : `$${dataBrewRunCost(run).toFixed(4)}`;

export const jobColumns: TableColumn<DataBrewJobRow>[] = [
  { id: 'name', title: 'JOB', width: 16, grow: true, cell: (r) => safe(r.job.name) },
  { id: 'type', title: 'TYPE', width: 7, cell: (r) => r.job.type },
  { id: 'dataset', title: 'DATASET', width: 12, cell: (r) => safe(r.job.dataset ?? '-'), priority: 1 },
  { id: 'state', title: 'LAST RUN', width: 10, cell: (r) => r.last?.state ?? '-' },
  {
    id: 'nodes',
    title: 'NODES',
    width: 5,
    align: 'right',
    cell: (r) => String(r.job.max_nodes),
    priority: 2,
  },
  { id: 'cost', title: 'COST', width: 9, align: 'right', cell: (r) => usd(r.last) },
];

export function runColumns(now: number): TableColumn<DataBrewJobRun>[] {
  return [
    { id: 'id', title: 'RUN', width: 14, grow: true, cell: (r) => safe(r.run_id) },
    { id: 'state', title: 'STATE', width: 10, cell: (r) => r.state },
    {
      id: 'duration',
      title: 'DURATION',
      width: 8,
      align: 'right',
      cell: (r) => {
        const seconds = runSeconds(r, now);
        return seconds === undefined ? '-' : formatDuration(seconds);
      },
    },
    {
      id: 'node_hours',
      title: 'NODE-H',
      width: 7,
      align: 'right',
      cell: (r) => (r.execution_seconds === undefined ? '-' : dataBrewNodeHours(r).toFixed(3)),
    },
    { id: 'cost', title: 'COST', width: 9, align: 'right', cell: (r) => usd(r) },
    {
      id: 'started',
      title: 'STARTED',
      width: 16,
      cell: (r) => r.started_at?.slice(0, 16).replace('T', ' ') ?? '-',
      priority: 1,
    },
  ];
}
