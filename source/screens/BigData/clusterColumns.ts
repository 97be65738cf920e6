import type { TableColumn } from '../../components/TableColumn.js';
import type { ClusterStep, EmrCluster } from '../../core/bigdata/clusterPorts.js';
import { sanitizeForTerminal as safe } from '../../core/text/sanitizeForTerminal.js';
import { formatDuration } from './bigdataColumns.js';

export interface ClusterRow {
  cluster: EmrCluster;
  /** $/h now: EC2 + EMR uplift + EBS of its nodes. */
  usd_per_hour?: number;
}

export interface StepRow {
  step: ClusterStep;
  duration_seconds?: number;
}

const nodes = (cluster: EmrCluster) =>
  cluster.fleets
    .map((fleet) => `${fleet.provisioned_on_demand + fleet.provisioned_spot}/${fleet.on_demand + fleet.spot}`)
    .join('+');

export const clusterColumns: TableColumn<ClusterRow>[] = [
  { id: 'name', title: 'CLUSTER', width: 12, grow: true, cell: (r) => safe(r.cluster.name) },
  { id: 'state', title: 'STATE', width: 13, cell: (r) => r.cluster.state },
  { id: 'nodes', title: 'NODES UP', width: 9, cell: (r) => nodes(r.cluster) },
  {
    id: 'rate',
    title: '$/H',
    width: 8,
    align: 'right',
    cell: (r) => (r.usd_per_hour === undefined ? '-' : `$${r.usd_per_hour.toFixed(3)}`),
  },
  {
    id: 'idle',
    title: 'AUTO-TERM',
    width: 9,
    cell: (r) =>
      r.cluster.auto_termination_idle_minutes === undefined
        ? 'off'
        : `${r.cluster.auto_termination_idle_minutes}m`,
    priority: 1,
  },
  { id: 'id', title: 'ID', width: 15, cell: (r) => safe(r.cluster.id), priority: 2 },
  { id: 'region', title: 'REGION', width: 10, cell: (r) => r.cluster.region, priority: 1 },
];

export const stepColumns: TableColumn<StepRow>[] = [
  { id: 'name', title: 'STEP', width: 14, grow: true, cell: (r) => safe(r.step.name) },
  { id: 'state', title: 'STATE', width: 10, cell: (r) => r.step.state },
  {
    id: 'duration',
    title: 'DURATION',
    width: 8,
    align: 'right',
    cell: (r) => (r.duration_seconds === undefined ? '-' : formatDuration(r.duration_seconds)),
  },
  { id: 'id', title: 'ID', width: 16, cell: (r) => safe(r.step.id), priority: 1 },
];
