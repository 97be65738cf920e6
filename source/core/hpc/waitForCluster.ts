import { setTimeout as sleep } from 'node:timers/promises';
import { HpcError } from './HpcContext.js';
import type { HpcCluster, HpcPort } from './ports.js';

export interface ClusterWaitOptions {
  intervalMs: number;
  timeoutMs: number;
  /** One line per change seen (status, fleet, nodes), for the user watching. */
  onProgress?: (line: string) => void;
  now?: () => number;
}

/** ParallelCluster stops a fleet in a few minutes (nodes drain, instances end). */
export const FLEET_STOP_TIMEOUT_MS = 15 * 60_000;
/** A cluster's create is 10-20 minutes; the head node's own wait condition gives up at 30. */
export const CLUSTER_CREATE_TIMEOUT_MS = 45 * 60_000;

const minutes = (ms: number) => `${Math.round(ms / 60_000)} minutes`;

async function poll(
  hpc: HpcPort,
  region: string,
  name: string,
  options: ClusterWaitOptions,
  describe: (cluster: HpcCluster) => string,
  done: (cluster: HpcCluster) => boolean | Promise<boolean>,
  timedOut: () => HpcError,
): Promise<HpcCluster> {
  const now = options.now ?? Date.now;
  const started = now();
  let last = '';
  for (;;) {
    const cluster = await hpc.describeCluster(region, name);
    if (!cluster) throw new HpcError(`cluster ${name} is gone from ${region}`);
    const line = describe(cluster);
    if (line !== last) {
      const elapsed = Math.round((now() - started) / 1000);
      options.onProgress?.(`${line} (${elapsed}s)`);
      last = line;
    }
    if (await done(cluster)) return cluster;
    if (now() - started >= options.timeoutMs) throw timedOut();
    await sleep(options.intervalMs);
  }
}

/** Waits until the compute fleet is STOPPED: ParallelCluster refuses fleet-stop updates before. */
export function waitForFleetStopped(
  hpc: HpcPort,
  region: string,
  name: string,
  options: ClusterWaitOptions,
): Promise<HpcCluster> {
  return poll(
    hpc,
    region,
    name,
    options,
    (cluster) => {
      const up = cluster.compute_nodes.filter((n) => n.state === 'running' || n.state === 'pending').length;
      return `compute fleet ${cluster.compute_fleet}, ${up} compute node(s) up`;
    },
    (cluster) => cluster.compute_fleet === 'STOPPED',
    () =>
      new HpcError(
        `${name}'s compute fleet is still not STOPPED after ${minutes(options.timeoutMs)}; nothing was updated`,
        `Check it with cws-tui hpc show ${name}, then run hpc update again.`,
      ),
  );
}

/**
 * Waits until the cluster is CREATE_COMPLETE. A failed create fails with the first failed resource
 * and CloudFormation's reason (not just ROLLBACK_COMPLETE), and says how to delete it.
 */
export function waitForClusterCreated(
  hpc: HpcPort,
  region: string,
  name: string,
  options: ClusterWaitOptions,
): Promise<HpcCluster> {
  return poll(
    hpc,
    region,
    name,
    options,
    (cluster) =>
      `stack ${cluster.status}${cluster.head_node ? `, head node ${cluster.head_node.instance_id} ${cluster.head_node.state}` : ''}`,
    async (cluster) => {
      if (cluster.status === 'CREATE_COMPLETE') return true;
      if (cluster.status !== 'CREATE_IN_PROGRESS') {
        const failure = await hpc.firstFailure(region, name);
        throw new HpcError(
          failure
            ? `creating ${name} failed (${cluster.status}): ${failure.logical_id} (${failure.resource_type}): ${failure.reason}`
            : `creating ${name} failed: the stack is ${cluster.status}`,
          `Delete it with: cws-tui hpc delete ${name}`,
        );
      }
      return false;
    },
    () =>
      new HpcError(
        `${name} is still CREATE_IN_PROGRESS after ${minutes(options.timeoutMs)}`,
        `It may still finish: watch it with cws-tui hpc show ${name}.`,
      ),
  );
}
