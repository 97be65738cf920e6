import type { PriceCatalog } from '../cost/PriceCatalog.js';
import { TAG } from '../ports.js';
import type { Workstation } from '../workstations/Workstation.js';
import { clusterRate } from './clusterCost.js';
import type { HpcCluster } from './ports.js';

const ROW_PREFIX = 'hpc:';

/** The dashboard row id of a cluster: its region and name (cluster names are unique per region). */
export function clusterRowId(region: string, name: string): string {
  return `${ROW_PREFIX}${region}:${name}`;
}

export function clusterOfRowId(id: string): { region: string; name: string } | undefined {
  if (!id.startsWith(ROW_PREFIX)) return undefined;
  const [region, ...rest] = id.slice(ROW_PREFIX.length).split(':');
  const name = rest.join(':');
  return region && name ? { region, name } : undefined;
}

/** Compute nodes up (pending or running) per queue, every configured queue listed even at 0. */
export function nodesUpPerQueue(cluster: HpcCluster): Array<{ queue: string; up: number }> {
  const counts = new Map<string, number>();
  for (const queue of cluster.config?.Scheduling.SlurmQueues ?? []) counts.set(queue.Name, 0);
  for (const node of cluster.compute_nodes) {
    if (node.state !== 'running' && node.state !== 'pending') continue;
    const queue = node.queue ?? '?';
    counts.set(queue, (counts.get(queue) ?? 0) + 1);
  }
  return [...counts].map(([queue, up]) => ({ queue, up }));
}

function rowState(cluster: HpcCluster): Workstation['state'] {
  const status = cluster.status;
  if (status === 'DELETE_IN_PROGRESS' || status === 'DELETE_COMPLETE') return 'shutting-down';
  if (status === 'CREATE_IN_PROGRESS') return 'pending';
  // A failed stack runs nothing the fleet controls; its progress says why, and terminate deletes it.
  if (status === 'CREATE_FAILED' || status === 'ROLLBACK_COMPLETE' || status === 'DELETE_FAILED')
    return 'stopped';
  // A complete stack is billed for its head node; the fleet says whether compute can scale.
  switch (cluster.compute_fleet) {
    case 'STOPPED':
      return 'stopped';
    case 'STOP_REQUESTED':
    case 'STOPPING':
      return 'stopping';
    case 'START_REQUESTED':
    case 'STARTING':
      return 'pending';
    default:
      return 'running';
  }
}

/**
 * A ParallelCluster cluster as a dashboard row, next to workstations and SageMaker spaces: its
 * stack status and fleet as the state, nodes up per queue as the progress, and its $/h now.
 */
export function workstationFromCluster(cluster: HpcCluster, prices: PriceCatalog): Workstation {
  const rate = clusterRate(cluster, prices);
  const queues = nodesUpPerQueue(cluster)
    .map(({ queue, up }) => `${queue} ${up} up`)
    .join(', ');
  const failed = /FAILED|ROLLBACK/.test(cluster.status);
  const row: Workstation = {
    id: clusterRowId(cluster.region, cluster.name),
    name: cluster.name,
    kind: 'hpc-cluster',
    template: cluster.tags[TAG.template] ?? (cluster.made_by === 'pcluster' ? 'pcluster' : '-'),
    region: cluster.region,
    state: rowState(cluster),
    hibernated: false,
    instance_type: cluster.head_node?.instance_type ?? cluster.config?.HeadNode.InstanceType ?? '-',
    launched_at: cluster.created_at,
    connect: `hpc connect ${cluster.name}`,
    progress: failed ? `${cluster.status} (hpc show ${cluster.name})` : queues || cluster.status,
  };
  if (rate.usd_per_hour !== undefined) row.hourly_cost = rate.usd_per_hour;
  const user = cluster.tags[TAG.researchUser];
  if (user) row.research_user = user;
  const project = cluster.tags[TAG.project];
  if (project) row.project = project;
  return row;
}
