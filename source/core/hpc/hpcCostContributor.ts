import type { MeteredCostResource } from '../cost/CostResource.js';
import { HOURS_PER_MONTH } from '../cost/PriceQuote.js';
import { snapshotPriceCatalog } from '../cost/priceTable.js';
import type { FileSystem } from '../ports/storage.js';
import { type CloudAccount, type StateTransition, TAG } from '../ports.js';
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

/** The tag ParallelCluster puts on what it creates for a cluster, its EFS among them. */
const CLUSTER_NAME_TAG = 'parallelcluster:cluster-name';

/**
 * The EFS ParallelCluster made for a cluster (SharedStorage without a FileSystemId), found by its
 * cluster-name tag: billed for what it stores, from its creation. One the app made is counted with
 * the app's own file systems instead.
 */
function clusterEfsLines(cluster: HpcCluster, fileSystems: readonly FileSystem[]): MeteredCostResource[] {
  const perGbMonth = snapshotPriceCatalog.storageMonthly('efs', cluster.region)?.usd_per_gb_month ?? 0;
  return fileSystems
    .filter(
      (fs) =>
        fs.region === cluster.region &&
        fs.tags[CLUSTER_NAME_TAG] === cluster.name &&
        fs.tags[TAG.managed] !== 'true' &&
        fs.state !== 'deleted',
    )
    .map((fs) => {
      const gb = fs.size_bytes / 1024 ** 3;
      const usdPerHour = (gb * perGbMonth) / HOURS_PER_MONTH;
      return {
        kind: 'metered' as const,
        service: SERVICE,
        id: fs.id,
        name: `${cluster.name} EFS ${fs.name || fs.id} (${gb.toFixed(1)} GB)`,
        region: cluster.region,
        // Storage is billed whether the fleet runs or not.
        usd_per_hour: usdPerHour,
        usd_per_hour_stopped: usdPerHour,
        price_source: 'snapshot' as const,
        transitions: [{ at: fs.created_at, state: 'running' as const }],
        notes: ['priced at its size now, as EFS standard storage'],
      };
    });
}

/**
 * ParallelCluster clusters in the unified cost report: the head node with its root volume (billed
 * while the cluster exists), and every compute node up or recently up. Shared storage the cluster
 * mounts by id (EFS, FSx for Lustre) is counted by its own capability, not twice here; an EFS
 * ParallelCluster made itself is counted here.
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
    const makesEfs = clusters.some((cluster) =>
      cluster.config?.SharedStorage?.some((s) => s.StorageType === 'Efs' && !s.EfsSettings),
    );
    // Only a cluster whose config asks ParallelCluster for an EFS makes the listing worth a call.
    // A cluster `pcluster` made has no config here: its EFS is looked for too.
    const efsWarnings: string[] = [];
    const fileSystems =
      makesEfs || clusters.some((c) => !c.config)
        ? await account.storage.listFileSystems([...regions]).catch((error: unknown) => {
            efsWarnings.push(`EFS that ParallelCluster made is not counted: ${(error as Error).message}`);
            return [];
          })
        : [];
    for (const cluster of clusters) {
      const head = headNodeLine(cluster);
      if (head) resources.push(head);
      resources.push(...computeLines(cluster));
      resources.push(...clusterEfsLines(cluster, fileSystems));
    }
    const external = clusters.filter((c) => c.made_by === 'pcluster').map((c) => c.name);
    return {
      resources,
      warnings: [
        ...(external.length > 0
          ? [`clusters made outside cws-tui (${external.join(', ')}) are priced from their instances only`]
          : []),
        ...efsWarnings,
      ],
    };
  },
};
