import type { TableColumn } from '../../components/TableColumn.js';
import type { JobCost } from '../../core/hpc/jobCost.js';
import type { HpcCluster } from '../../core/hpc/ports.js';
import type { SlurmAccountingRecord, SlurmJob } from '../../core/hpc/SlurmJob.js';
import type { QueueRow } from '../../core/hpc/slurmOnCluster.js';
import { sanitizeForTerminal as safe } from '../../core/text/sanitizeForTerminal.js';

export interface ClusterRow {
  cluster: HpcCluster;
  nodes_up: number;
  usd_per_hour?: number;
}

const usd = (value: number | undefined, digits = 3) =>
  value === undefined ? '?' : `$${value.toFixed(digits)}`;

export const clusterColumns: TableColumn<ClusterRow>[] = [
  { id: 'name', title: 'CLUSTER', width: 12, grow: true, cell: (r) => safe(r.cluster.name) },
  { id: 'status', title: 'STATUS', width: 18, cell: (r) => r.cluster.status },
  { id: 'fleet', title: 'FLEET', width: 8, cell: (r) => r.cluster.compute_fleet, priority: 2 },
  { id: 'nodes', title: 'UP', width: 4, align: 'right', cell: (r) => String(r.nodes_up) },
  { id: 'rate', title: '$/H', width: 8, align: 'right', cell: (r) => usd(r.usd_per_hour) },
  { id: 'region', title: 'REGION', width: 10, cell: (r) => r.cluster.region, priority: 1 },
];

export const queueColumns: TableColumn<QueueRow>[] = [
  { id: 'queue', title: 'QUEUE', width: 8, grow: true, cell: (q) => safe(q.partition) },
  { id: 'types', title: 'TYPES', width: 14, cell: (q) => safe(q.instance_types.join(',')), priority: 1 },
  { id: 'idle', title: 'IDLE', width: 4, align: 'right', cell: (q) => String(q.idle) },
  { id: 'alloc', title: 'ALLOC', width: 5, align: 'right', cell: (q) => String(q.allocated) },
  { id: 'down', title: 'DOWN', width: 4, align: 'right', cell: (q) => String(q.down) },
  { id: 'off', title: 'OFF', width: 4, align: 'right', cell: (q) => String(q.powered_down) },
  { id: 'min', title: 'MIN', width: 4, align: 'right', cell: (q) => String(q.min) },
  { id: 'max', title: 'MAX', width: 4, align: 'right', cell: (q) => String(q.max) },
];

export const jobColumns: TableColumn<SlurmJob>[] = [
  { id: 'id', title: 'JOB', width: 8, cell: (j) => safe(j.job_id) },
  { id: 'user', title: 'USER', width: 8, cell: (j) => safe(j.user) },
  { id: 'state', title: 'STATE', width: 10, cell: (j) => safe(j.state) },
  { id: 'queue', title: 'QUEUE', width: 6, cell: (j) => safe(j.partition), priority: 2 },
  { id: 'nodes', title: 'N', width: 3, align: 'right', cell: (j) => String(j.nodes) },
  {
    id: 'where',
    title: 'WHERE / WHY',
    width: 12,
    grow: true,
    cell: (j) => safe(j.node_list || j.reason),
    priority: 1,
  },
  { id: 'name', title: 'NAME', width: 10, cell: (j) => safe(j.name), priority: 3 },
];

export type HistoryRow = SlurmAccountingRecord & { cost: JobCost };

export const historyColumns: TableColumn<HistoryRow>[] = [
  { id: 'id', title: 'JOB', width: 8, cell: (r) => safe(r.job_id) },
  { id: 'user', title: 'USER', width: 8, cell: (r) => safe(r.user), priority: 2 },
  { id: 'state', title: 'STATE', width: 10, cell: (r) => safe(r.state) },
  {
    id: 'elapsed',
    title: 'ELAPSED',
    width: 8,
    align: 'right',
    cell: (r) => `${Math.round(r.elapsed_seconds)}s`,
  },
  { id: 'nodes', title: 'N', width: 3, align: 'right', cell: (r) => String(r.nodes) },
  { id: 'cost', title: 'COST', width: 9, align: 'right', cell: (r) => usd(r.cost.usd, 4) },
  { id: 'name', title: 'NAME', width: 10, grow: true, cell: (r) => safe(r.name), priority: 1 },
];

/** A job matches the `/` filter by id, user, state, queue or name. */
export function matchesJobFilter(
  job: Pick<SlurmJob, 'job_id' | 'user' | 'state' | 'partition' | 'name'>,
  filter: string,
): boolean {
  const needle = filter.trim().toLowerCase();
  return (
    !needle ||
    [job.job_id, job.user, job.state, job.partition, job.name].some((field) =>
      field.toLowerCase().includes(needle),
    )
  );
}
