import type { DemoCluster, DemoJob } from './demoHpcState.js';

/** How long a dynamic node takes to boot and join Slurm, in seconds at realistic pace. */
const BOOT_SECONDS = 60;

export interface SimulatedNode {
  name: string;
  queue: string;
  compute_resource: string;
  instance_type: string;
  /** When the node was up (booting or running), ms; the last may still be open (to > now). */
  up: Array<{ from: number; to: number }>;
  /** Job ids running on it now. */
  busy_now: boolean;
}

export interface SimulatedJob {
  job: DemoJob;
  job_id: string;
  state: 'PENDING' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELLED' | 'NODE_FAIL';
  start?: number;
  end?: number;
  nodes: string[];
  reason: string;
}

interface NodeTrack extends SimulatedNode {
  busy_until: number;
  /** The node powers down at this time unless a job comes. */
  up_until: number;
}

function fleetState(cluster: DemoCluster, at: number): 'RUNNING' | 'STOPPED' {
  let state: 'RUNNING' | 'STOPPED' = 'STOPPED';
  for (const event of cluster.fleet_events) if (event.at <= at) state = event.status;
  return state;
}

/** The first time at or after `at` the fleet runs, or undefined when it stays stopped. */
function runningFrom(cluster: DemoCluster, at: number): number | undefined {
  if (fleetState(cluster, at) === 'RUNNING') return at;
  return cluster.fleet_events.find((event) => event.at > at && event.status === 'RUNNING')?.at;
}

const nextStopAfter = (cluster: DemoCluster, at: number) =>
  cluster.fleet_events.find((e) => e.at > at && e.status === 'STOPPED')?.at;

/**
 * Replays the cluster's Slurm queue from its submissions: a job starts when its partition has
 * enough nodes (booting powered-down ones), array tasks respect their `%limit`, nodes power down
 * after ScaledownIdletime, and a compute fleet stop ends what runs (NODE_FAIL). Deterministic:
 * the same state and time always give the same queue, so every process sees the same cluster.
 */
export function simulateSlurm(
  cluster: DemoCluster,
  now: number,
  speed: number,
): { jobs: SimulatedJob[]; nodes: SimulatedNode[] } {
  const boot = BOOT_SECONDS * 1000 * speed;
  const idle = cluster.config.Scheduling.SlurmSettings.ScaledownIdletime * 60_000 * speed;
  const nodes: NodeTrack[] = [];
  for (const queue of cluster.config.Scheduling.SlurmQueues) {
    for (const resource of queue.ComputeResources) {
      for (let i = 1; i <= resource.MaxCount; i++) {
        nodes.push({
          name: `${queue.Name}-dy-${resource.Name}-${i}`,
          queue: queue.Name,
          compute_resource: resource.Name,
          instance_type: resource.Instances[0]?.InstanceType ?? '',
          up: [],
          busy_now: false,
          busy_until: 0,
          up_until: 0,
        });
      }
    }
  }
  const jobs: SimulatedJob[] = [];
  const taskEnds = new Map<number, number[]>();
  for (const job of [...cluster.jobs].sort(
    (a, b) => a.submitted_at - b.submitted_at || a.id - b.id || (a.array_task ?? 0) - (b.array_task ?? 0),
  )) {
    const jobId = job.array_task === undefined ? String(job.id) : `${job.id}_${job.array_task}`;
    const sim: SimulatedJob = { job, job_id: jobId, state: 'PENDING', nodes: [], reason: 'Resources' };
    jobs.push(sim);
    const queueNodes = nodes.filter((node) => node.queue === job.partition);
    if (queueNodes.length < job.nodes) {
      sim.reason = 'PartitionNodeLimit';
      continue;
    }
    let earliest = Math.max(job.submitted_at, cluster.ready_at);
    const siblings = taskEnds.get(job.id) ?? [];
    if (job.array_limit !== undefined && siblings.length >= job.array_limit) {
      earliest = Math.max(
        earliest,
        [...siblings].sort((a, b) => a - b)[siblings.length - job.array_limit] ?? earliest,
      );
    }
    const fleetFrom = runningFrom(cluster, earliest);
    if (fleetFrom === undefined) {
      sim.reason = 'ReqNodeNotAvail';
      continue;
    }
    const readyAt = (node: NodeTrack) => {
      const t = Math.max(fleetFrom, node.busy_until);
      return t <= node.up_until ? t : t + boot;
    };
    const chosen = [...queueNodes].sort((a, b) => readyAt(a) - readyAt(b)).slice(0, job.nodes);
    const start = Math.max(...chosen.map(readyAt));
    const stop = nextStopAfter(cluster, fleetFrom);
    if (job.cancelled_at !== undefined && job.cancelled_at <= start) {
      sim.state = 'CANCELLED';
      sim.end = job.cancelled_at;
      sim.reason = '';
      if (job.cancelled_at > now) sim.state = 'PENDING';
      continue;
    }
    if (stop !== undefined && stop <= start) {
      sim.reason = 'ReqNodeNotAvail';
      continue;
    }
    let end = start + job.work_seconds * 1000 * speed;
    let final: SimulatedJob['state'] = job.fails ? 'FAILED' : 'COMPLETED';
    if (job.cancelled_at !== undefined && job.cancelled_at < end) {
      end = job.cancelled_at;
      final = 'CANCELLED';
    }
    if (stop !== undefined && stop < end) {
      end = stop;
      final = 'NODE_FAIL';
    }
    for (const node of chosen) {
      const bootFrom = Math.max(fleetFrom, node.busy_until) <= node.up_until ? undefined : start - boot;
      if (bootFrom !== undefined) node.up.push({ from: bootFrom, to: end + idle });
      else {
        const last = node.up.at(-1);
        if (last) last.to = end + idle;
      }
      node.busy_until = end;
      node.up_until = stop !== undefined && stop <= end + idle ? stop : end + idle;
      const last = node.up.at(-1);
      if (last) last.to = node.up_until;
      if (start <= now && now < end) node.busy_now = true;
    }
    taskEnds.set(job.id, [...siblings, end]);
    sim.start = start;
    sim.end = end;
    sim.nodes = chosen.map((node) => node.name);
    sim.reason = '';
    if (now < start) {
      sim.state = 'PENDING';
      sim.reason = start - boot <= now ? 'BeginTime' : 'Resources';
      delete sim.start;
      delete sim.end;
      sim.nodes = [];
    } else if (now < end) {
      sim.state = 'RUNNING';
      delete sim.end;
    } else sim.state = final;
  }
  return {
    jobs,
    nodes: nodes.map(({ busy_until: _b, up_until: _u, ...node }) => ({
      ...node,
      up: node.up.filter((interval) => interval.from <= now),
    })),
  };
}
