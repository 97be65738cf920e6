import { TAG } from '../ports.js';
import type { BigDataContext } from './BigDataContext.js';
import { BigDataError } from './BigDataError.js';
import { checkBigDataPolicy } from './checkBigDataPolicy.js';
import type { EmrCluster } from './clusterPorts.js';
import { fleetNodeHour, fleetNodeSize } from './emrClusterRates.js';

/**
 * Sets the core fleet to `nodes` (keeping its spot or on-demand kind), after the policy has seen the
 * cluster at that size; managed scaling's range must hold it, since EMR would scale it back.
 */
export async function resizeEmrCluster(
  context: BigDataContext,
  cluster: EmrCluster,
  nodes: number,
): Promise<{ on_demand: number; spot: number }> {
  if (!Number.isInteger(nodes) || nodes < 1 || nodes > 500)
    throw new BigDataError('input', `--nodes is a whole number from 1 to 500, not ${nodes}`);
  if (cluster.state !== 'RUNNING' && cluster.state !== 'WAITING')
    throw new BigDataError(
      'input',
      `the cluster ${cluster.name} is ${cluster.state}: resize it once it is ready`,
    );
  const core = cluster.fleets.find((fleet) => fleet.role === 'core');
  const primary = cluster.fleets.find((fleet) => fleet.role === 'primary');
  if (!core || !primary) throw new BigDataError('not-found', `the cluster ${cluster.name} has no core fleet`);
  const scaling = cluster.managed_scaling;
  if (scaling && (nodes < scaling.min || nodes > scaling.max))
    throw new BigDataError(
      'input',
      `managed scaling keeps ${cluster.name} between ${scaling.min} and ${scaling.max} core nodes; ${nodes} is outside it`,
    );
  const target = core.spot > core.on_demand ? { on_demand: 0, spot: nodes } : { on_demand: nodes, spot: 0 };
  const primarySize = fleetNodeSize(primary);
  const coreSize = fleetNodeSize(core);
  const primaryHour = fleetNodeHour(primary, cluster.region, cluster.ebs_gb).usd;
  const coreHour = fleetNodeHour(core, cluster.region, cluster.ebs_gb).usd;
  checkBigDataPolicy(context.policy, {
    template_slug: cluster.tags[TAG.template] ?? 'unknown',
    region: cluster.region,
    tags: cluster.tags,
    hourly_cost:
      primaryHour !== undefined && coreHour !== undefined ? primaryHour + nodes * coreHour : undefined,
    facts: {
      kind: 'emr-cluster',
      max_vcpus: primarySize.vcpu + nodes * coreSize.vcpu,
      max_memory_gb: primarySize.memory_gb + nodes * coreSize.memory_gb,
      ...(cluster.auto_termination_idle_minutes !== undefined
        ? { auto_stop_idle_minutes: cluster.auto_termination_idle_minutes }
        : {}),
      data_buckets: [],
      instance_types: [...new Set([...primary.instance_types, ...core.instance_types])],
    },
  });
  await context.bigdata.clusters.resizeFleet(cluster.region, cluster.id, core.id, target);
  return target;
}
