import type { BudgetActionStep } from '../cost/budgetActionPlan.js';
import type { BudgetAlert } from '../cost/evaluateBudget.js';
import { TAG } from '../ports.js';
import type { HpcCluster } from './ports.js';

/**
 * What a `stop` or `hibernate` budget alert does to the app's clusters: their compute fleets stop
 * (running jobs end, nodes terminate); the head node keeps running so that nothing on it is lost.
 */
export function budgetFleetSteps(alert: BudgetAlert, clusters: readonly HpcCluster[]): BudgetActionStep[] {
  if (alert.action !== 'stop' && alert.action !== 'hibernate') return [];
  return clusters
    .filter(
      (cluster) =>
        cluster.tags[TAG.managed] === 'true' &&
        (cluster.compute_fleet === 'RUNNING' ||
          cluster.compute_fleet === 'STARTING' ||
          cluster.compute_fleet === 'START_REQUESTED'),
    )
    .map((cluster) => ({
      id: cluster.name,
      name: `${cluster.name} (compute fleet)`,
      region: cluster.region,
      action: 'stop' as const,
      target: 'hpc-compute-fleet' as const,
      note: 'the compute fleet stops; the head node keeps running',
    }));
}
