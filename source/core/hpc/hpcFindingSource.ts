import type { CostFinding, CostFindingSource } from '../cost/CostFinding.js';
import { HOURS_PER_MONTH } from '../cost/PriceQuote.js';
import { snapshotPriceCatalog } from '../cost/priceTable.js';
import { clusterRecommendations } from './clusterRecommendations.js';

/**
 * ParallelCluster's recommendations in `cost findings`: the rules `hpc show` applies, priced from
 * the same snapshot as the cluster's cost lines; an hourly saving is kept up for a month.
 */
export const hpcFindingSource: CostFindingSource = {
  service: 'ParallelCluster',
  async list({ account, regions, now }): Promise<CostFinding[]> {
    const clusters = await account.hpc.listClusters(regions);
    return clusters.flatMap((cluster) =>
      clusterRecommendations(cluster, snapshotPriceCatalog, undefined, now.getTime()).map((finding) => ({
        service: 'ParallelCluster',
        resource: cluster.name,
        kind: finding.kind,
        what: finding.message,
        ...(finding.usd_per_hour === undefined
          ? {}
          : { monthly_saving_usd: Math.round(finding.usd_per_hour * HOURS_PER_MONTH * 100) / 100 }),
        fix: finding.command ?? 'add a SPOT queue to the cluster config for independent jobs',
      })),
    );
  },
};
