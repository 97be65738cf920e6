import type { PriceCatalog } from '../cost/PriceCatalog.js';
import { clusterRate } from './clusterCost.js';
import type { HpcCluster } from './ports.js';

export interface ClusterRecommendation {
  kind: 'idle-head-node' | 'min-count' | 'spot-candidate';
  message: string;
  /** What following it saves per hour, when known. */
  usd_per_hour?: number;
  /** The command that follows it, when one does. */
  command?: string;
}

const IDLE_HEAD_NODE_HOURS = 24;

/**
 * Where a cluster spends for nothing: a head node with no compute node up and no job for a day,
 * queues whose MinCount keeps nodes running, and on-demand queues that could run on spot (not EFA
 * queues, whose tightly coupled jobs lose the whole run to one interruption).
 */
export function clusterRecommendations(
  cluster: HpcCluster,
  prices: PriceCatalog,
  lastJobAt: string | undefined,
  now: number,
): ClusterRecommendation[] {
  const recommendations: ClusterRecommendation[] = [];
  const rate = clusterRate(cluster, prices);
  const quietSince = Date.parse(lastJobAt ?? cluster.created_at);
  if (
    cluster.head_node?.state === 'running' &&
    rate.nodes_up === 0 &&
    now - quietSince > IDLE_HEAD_NODE_HOURS * 3_600_000
  )
    recommendations.push({
      kind: 'idle-head-node',
      message: `${cluster.name} has run no job for ${Math.floor((now - quietSince) / 3_600_000)} h: its head node alone costs ${rate.head_node_usd_per_hour === undefined ? '?' : `$${rate.head_node_usd_per_hour.toFixed(3)}`}/h; delete the cluster when done (cws-tui hpc delete ${cluster.name})`,
      ...(rate.head_node_usd_per_hour !== undefined ? { usd_per_hour: rate.head_node_usd_per_hour } : {}),
      command: `cws-tui hpc delete ${cluster.name}`,
    });
  for (const queue of cluster.config?.Scheduling.SlurmQueues ?? []) {
    for (const resource of queue.ComputeResources) {
      const type = resource.Instances[0]?.InstanceType ?? '';
      const price = prices.instanceHourly(type, cluster.region)?.usd_per_hour;
      if (resource.MinCount > 0)
        recommendations.push({
          kind: 'min-count',
          message: `${queue.Name}/${resource.Name} keeps ${resource.MinCount} × ${type} up with no job: hpc update ${cluster.name} --queue ${queue.Name}/${resource.Name} --min 0`,
          ...(price !== undefined ? { usd_per_hour: price * resource.MinCount } : {}),
          command: `cws-tui hpc update ${cluster.name} --queue ${queue.Name}/${resource.Name} --min 0`,
        });
    }
    if (queue.CapacityType === 'ONDEMAND' && !queue.ComputeResources.some((r) => r.Efa?.Enabled))
      recommendations.push({
        kind: 'spot-candidate',
        message: `queue ${queue.Name} runs on demand: independent jobs (arrays, --requeue) could use a SPOT queue at up to ~70% less`,
      });
  }
  return recommendations;
}
