import type { PriceCatalog } from '../cost/PriceCatalog.js';
import { HOURS_PER_MONTH } from '../cost/PriceQuote.js';
import type { HpcCluster } from './ports.js';

export interface ClusterRate {
  head_node_usd_per_hour?: number;
  compute_usd_per_hour?: number;
  usd_per_hour?: number;
  nodes_up: number;
  /** Instance types without a price (their cost is unknown, not zero). */
  unpriced: string[];
}

const HEAD_ROOT_GB_DEFAULT = 40;

/** What the cluster costs per hour now: the head node (and its root volume) plus the compute nodes up. */
export function clusterRate(cluster: HpcCluster, prices: PriceCatalog): ClusterRate {
  const unpriced: string[] = [];
  const price = (type: string) => {
    const quote = prices.instanceHourly(type, cluster.region)?.usd_per_hour;
    if (quote === undefined) unpriced.push(type);
    return quote ?? 0;
  };
  const head = cluster.head_node && cluster.head_node.state === 'running' ? cluster.head_node : undefined;
  const rootGb = cluster.config?.HeadNode.LocalStorage?.RootVolume.Size ?? HEAD_ROOT_GB_DEFAULT;
  const gp3 = prices.storageMonthly('gp3', cluster.region)?.usd_per_gb_month ?? 0;
  const headRate = head ? price(head.instance_type) + (rootGb * gp3) / HOURS_PER_MONTH : 0;
  const up = cluster.compute_nodes.filter((node) => node.state === 'running' || node.state === 'pending');
  const computeRate = up.reduce((sum, node) => sum + price(node.instance_type), 0);
  const known = unpriced.length === 0;
  return {
    ...(known
      ? {
          head_node_usd_per_hour: headRate,
          compute_usd_per_hour: computeRate,
          usd_per_hour: headRate + computeRate,
        }
      : {}),
    nodes_up: up.length,
    unpriced,
  };
}
