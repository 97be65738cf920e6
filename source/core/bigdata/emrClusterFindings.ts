import { type ClusterStep, type EmrCluster, isFinalStepState } from './clusterPorts.js';
import { emrClusterUsdPerHour } from './emrClusterCostResource.js';

/** A way a cluster costs money for nothing, with what to do about it. */
export interface EmrClusterFinding {
  cluster: string;
  kind: 'no-auto-termination' | 'idle-cluster' | 'on-demand-core';
  message: string;
  /** What following it saves per hour, when known (an idle cluster's whole rate). */
  usd_per_hour?: number;
}

/** How long a cluster may wait without a step before it is called idle. */
export const CLUSTER_IDLE_AFTER_MINUTES = 60;

/**
 * Optimisation findings: a cluster that never terminates itself, one waiting without a step for an
 * hour, and a core fleet all on demand (core nodes of a Spark cluster can run on spot).
 */
export function emrClusterFindings(
  cluster: EmrCluster,
  steps: readonly ClusterStep[],
  now: Date,
): EmrClusterFinding[] {
  const findings: EmrClusterFinding[] = [];
  const rate = emrClusterUsdPerHour(cluster).usd_per_hour;
  const costs = rate === undefined ? '' : ` (it costs $${rate.toFixed(3)}/h)`;
  if (cluster.auto_termination_idle_minutes === undefined)
    findings.push({
      cluster: cluster.name,
      kind: 'no-auto-termination',
      message: `${cluster.name} has no auto-termination: it bills until terminated${costs}; set auto_termination_idle_minutes in its template`,
    });
  if (cluster.state === 'WAITING') {
    const live = steps.some((step) => !isFinalStepState(step.state));
    const last = Math.max(
      Date.parse(cluster.ready_at ?? cluster.created_at),
      ...steps.map((step) => Date.parse(step.ended_at ?? step.created_at)),
    );
    const idle = Math.floor((now.getTime() - last) / 60_000);
    if (!live && idle >= CLUSTER_IDLE_AFTER_MINUTES)
      findings.push({
        cluster: cluster.name,
        kind: 'idle-cluster',
        message: `${cluster.name} has waited ${idle} minutes without a step${costs}: cws-tui bigdata cluster terminate ${cluster.name} --yes`,
        ...(rate !== undefined ? { usd_per_hour: rate } : {}),
      });
  }
  const core = cluster.fleets.find((fleet) => fleet.role === 'core');
  if (core && core.spot === 0 && core.on_demand > 1)
    findings.push({
      cluster: cluster.name,
      kind: 'on-demand-core',
      message: `${cluster.name} runs its ${core.on_demand} core nodes on demand: Spark retries lost executors, so spot in the template's core fleet costs up to 70% less`,
    });
  return findings;
}
