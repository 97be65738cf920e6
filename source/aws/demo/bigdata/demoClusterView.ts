import type { ClusterState, ClusterStep, EmrCluster, StepState } from '../../../core/bigdata/clusterPorts.js';
import type { DemoCluster, DemoStep } from './demoBigDataState.js';

/** Seconds each cluster step takes at realistic pace (CWS_DEMO_SPEED scales them). */
export const CLUSTER_DELAYS = { ready: 420, terminate: 60, resize: 90, stepStart: 10 } as const;

/** The slowest the demo lets an idle timeout pass: a 60-minute timeout takes at least 36 s. */
const IDLE_PACE_FLOOR = 0.01;

const ms = (iso: string) => Date.parse(iso);

/** When the cluster starts terminating (asked, or idle past its auto-termination), if it has by now. */
function terminationStart(
  cluster: DemoCluster,
  steps: readonly DemoStep[],
  speed: number,
  now: number,
): { at: number; reason: string } | undefined {
  const asked = cluster.terminate_requested_at ? ms(cluster.terminate_requested_at) : undefined;
  let idle: number | undefined;
  if (cluster.auto_termination_idle_minutes !== undefined) {
    const last = Math.max(ms(cluster.ready_at), ...steps.map((step) => ms(step.ended_at)));
    // Never instant: at CWS_DEMO_SPEED=0 a cluster would end before its first step could be added.
    idle = last + cluster.auto_termination_idle_minutes * 60_000 * Math.max(speed, IDLE_PACE_FLOOR);
  }
  const candidates = [
    ...(asked !== undefined && asked <= now ? [{ at: asked, reason: 'Terminated by user request' }] : []),
    ...(idle !== undefined && idle <= now
      ? [{ at: idle, reason: 'Cluster was terminated by the auto-termination policy after idling' }]
      : []),
  ];
  return candidates.sort((a, b) => a.at - b.at)[0];
}

/** A demo step's state at `now`, its cluster's termination cutting it short. */
export function demoStepView(step: DemoStep, terminatedAt: number | undefined, now: number): ClusterStep {
  let state: StepState;
  let ended: string | undefined;
  if (terminatedAt !== undefined && terminatedAt < ms(step.ended_at) && now >= terminatedAt) {
    state = 'CANCELLED';
    ended = new Date(terminatedAt).toISOString();
  } else if (now < ms(step.started_at)) state = 'PENDING';
  else if (now < ms(step.ended_at)) state = 'RUNNING';
  else {
    state = step.outcome;
    ended = step.ended_at;
  }
  return {
    id: step.id,
    name: step.name,
    state,
    args: step.args,
    created_at: step.created_at,
    ...(state !== 'PENDING' && ms(step.started_at) <= now ? { started_at: step.started_at } : {}),
    ...(ended ? { ended_at: ended } : {}),
    ...(state === 'FAILED' && step.failure ? { failure: step.failure } : {}),
  };
}

/**
 * A demo cluster at `now`: STARTING, BOOTSTRAPPING and RUNNING (setting up) until ready, then
 * RUNNING while a step runs and WAITING between steps, then TERMINATING and TERMINATED when asked
 * or when idle past its auto-termination.
 */
export function demoClusterView(
  cluster: DemoCluster,
  steps: readonly DemoStep[],
  speed: number,
  now: number,
): { cluster: EmrCluster; terminated_at?: number } {
  const created = ms(cluster.created_at);
  const ready = ms(cluster.ready_at);
  const end = terminationStart(cluster, steps, speed, now);
  const endedAt = end && end.at + CLUSTER_DELAYS.terminate * 1000 * speed;
  let state: ClusterState;
  if (end && endedAt !== undefined && now >= endedAt) state = 'TERMINATED';
  else if (end) state = 'TERMINATING';
  else if (now < created + (ready - created) * 0.4) state = 'STARTING';
  else if (now < created + (ready - created) * 0.8) state = 'BOOTSTRAPPING';
  else if (now < ready) state = 'RUNNING';
  else
    state = steps.some((step) => ms(step.started_at) <= now && now < ms(step.ended_at))
      ? 'RUNNING'
      : 'WAITING';
  const up = state !== 'STARTING' && state !== 'TERMINATED';
  const view: EmrCluster = {
    id: cluster.id,
    name: cluster.name,
    region: cluster.region,
    state,
    release_label: cluster.release_label,
    applications: cluster.applications,
    fleets: cluster.fleets.map(({ previous, ...fleet }) => {
      const counts = previous && ms(previous.until) > now ? previous : fleet;
      return {
        ...fleet,
        provisioned_on_demand: up ? counts.on_demand : 0,
        provisioned_spot: up ? counts.spot : 0,
      };
    }),
    ...(cluster.managed_scaling ? { managed_scaling: cluster.managed_scaling } : {}),
    ...(cluster.auto_termination_idle_minutes !== undefined
      ? { auto_termination_idle_minutes: cluster.auto_termination_idle_minutes }
      : {}),
    ebs_gb: cluster.ebs_gb,
    created_at: cluster.created_at,
    ...(now >= ready && (!end || end.at >= ready) ? { ready_at: cluster.ready_at } : {}),
    ...(state === 'TERMINATED' && endedAt !== undefined ? { ended_at: new Date(endedAt).toISOString() } : {}),
    ...(end ? { state_details: end.reason } : {}),
    log_uri: cluster.log_uri,
    tags: cluster.tags,
  };
  return { cluster: view, ...(end ? { terminated_at: end.at } : {}) };
}
