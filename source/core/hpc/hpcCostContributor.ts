import type { MeteredCostResource } from '../cost/CostResource.js';
import { HOURS_PER_MONTH } from '../cost/PriceQuote.js';
import { snapshotPriceCatalog } from '../cost/priceTable.js';
import type { CloudAccount, StateTransition } from '../ports.js';
import type { HpcCluster } from './ports.js';

const SERVICE = 'ParallelCluster';

function headNodeLine(cluster: HpcCluster): MeteredCostResource | undefined {
  const head = cluster.head_node;
  if (!head) return undefined;
  const quote = snapshotPriceCatalog.instanceHourly(head.instance_type, cluster.region);
  const gp3 = snapshotPriceCatalog.storageMonthly('gp3', cluster.region)?.usd_per_gb_month ?? 0;
  const storage = ((cluster.config?.HeadNode.LocalStorage?.RootVolume.Size ?? 40) * gp3) / HOURS_PER_MONTH;
  const transitions: StateTransition[] = [
    {
      at: head.launched_at,
      state: head.state === 'running' || head.state === 'pending' ? 'running' : 'stopped',
    },
  ];
  return {
    kind: 'metered',
    service: SERVICE,
    id: `${cluster.name}/head-node`,
    name: `${cluster.name} head node (${head.instance_type})`,
    region: cluster.region,
    usd_per_hour: (quote?.usd_per_hour ?? 0) + storage,
    usd_per_hour_stopped: storage,
    price_source: quote?.source ?? 'snapshot',
    transitions,
    ...(quote ? {} : { notes: [`no price known for ${head.instance_type}: counted as its storage only`] }),
  };
}

/** Compute nodes come and go with jobs: each one found (by its ParallelCluster tags) is a line. */
function computeLines(cluster: HpcCluster): MeteredCostResource[] {
  return cluster.compute_nodes.map((node) => {
    const quote = snapshotPriceCatalog.instanceHourly(node.instance_type, cluster.region);
    const spot =
      cluster.config?.Scheduling.SlurmQueues.find((q) => q.Name === node.queue)?.CapacityType === 'SPOT';
    const notes = [
      ...(quote ? [] : [`no price known for ${node.instance_type}`]),
      ...(spot ? ['spot node priced on demand (the most it can cost)'] : []),
    ];
    return {
      kind: 'metered' as const,
      service: SERVICE,
      id: node.instance_id,
      name: `${cluster.name} ${node.queue ?? 'compute'}/${node.compute_resource ?? '?'} (${node.instance_type})`,
      region: cluster.region,
      usd_per_hour: quote?.usd_per_hour ?? 0,
      price_source: quote?.source ?? 'snapshot',
      transitions: node.transitions ?? [
        {
          at: node.launched_at,
          state: node.state === 'running' || node.state === 'pending' ? 'running' : 'terminated',
        },
      ],
      ...(notes.length > 0 ? { notes } : {}),
    };
  });
}

/**
 * ParallelCluster clusters in the unified cost report: the head node with its root volume (billed
 * while the cluster exists), and every compute node up or recently up. Shared storage the cluster
 * mounts by id (EFS, FSx for Lustre) is counted by its own capability, not twice here.
 */
// Typed structurally (not as CostContributor) so that the contributor list importing it is no cycle.
export const hpcCostContributor = {
  service: SERVICE,
  async list(
    account: CloudAccount,
    regions: readonly string[],
  ): Promise<{ resources: MeteredCostResource[]; warnings: string[] }> {
    const clusters = await account.hpc.listClusters(regions);
    const resources: MeteredCostResource[] = [];
    for (const cluster of clusters) {
      const head = headNodeLine(cluster);
      if (head) resources.push(head);
      resources.push(...computeLines(cluster));
    }
    const external = clusters.filter((c) => c.made_by === 'pcluster').map((c) => c.name);
    return {
      resources,
      warnings:
        external.length > 0
          ? [`clusters made outside cws-tui (${external.join(', ')}) are priced from their instances only`]
          : [],
    };
  },
};
