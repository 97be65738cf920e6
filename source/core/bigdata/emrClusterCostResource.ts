import type { MeteredCostResource } from '../cost/CostResource.js';
import type { StateTransition } from '../ports.js';
import { type EmrCluster, isEndedCluster } from './clusterPorts.js';
import { fleetNodeHour, fleetNodes } from './emrClusterRates.js';

/** What a cluster costs per hour with its nodes now (or, before any is up, its targets). */
export function emrClusterUsdPerHour(cluster: EmrCluster): { usd_per_hour?: number; unpriced: string[] } {
  const unpriced: string[] = [];
  let usd = 0;
  for (const fleet of cluster.fleets) {
    const hour = fleetNodeHour(fleet, cluster.region, cluster.ebs_gb);
    if (hour.usd === undefined) unpriced.push(...hour.unpriced);
    const provisioned = fleet.provisioned_on_demand + fleet.provisioned_spot;
    usd += (hour.usd ?? 0) * (provisioned > 0 ? provisioned : fleetNodes(fleet));
  }
  return unpriced.length > 0 ? { unpriced } : { usd_per_hour: usd, unpriced };
}

/** EMR reports when a cluster was created, ready and ended: its nodes bill from creation to end. */
function transitionsOf(cluster: EmrCluster): StateTransition[] {
  const transitions: StateTransition[] = [{ at: cluster.created_at, state: 'running' }];
  if (isEndedCluster(cluster.state))
    transitions.push({ at: cluster.ended_at ?? cluster.created_at, state: 'terminated' });
  return transitions;
}

/**
 * An EMR on EC2 cluster in the cost report: per node-hour its EC2 price, EMR's uplift and its EBS
 * volume, over the cluster's life (created to terminated). Spot nodes are priced on demand and a
 * fleet at its dearest type, so the figure is the most it can have cost; undefined without prices.
 */
export function emrClusterCostResource(cluster: EmrCluster): MeteredCostResource | undefined {
  const rate = emrClusterUsdPerHour(cluster);
  if (rate.usd_per_hour === undefined) return undefined;
  const spot = cluster.fleets.some((fleet) => fleet.spot > 0 || fleet.provisioned_spot > 0);
  return {
    kind: 'metered',
    service: 'EMR on EC2',
    id: cluster.id,
    name: cluster.name,
    region: cluster.region,
    usd_per_hour: rate.usd_per_hour,
    price_source: 'snapshot',
    transitions: transitionsOf(cluster),
    notes: [
      'EC2 + EMR uplift + EBS per node-hour at the current node count',
      ...(spot ? ['spot nodes priced on demand (the most they can cost)'] : []),
    ],
  };
}
