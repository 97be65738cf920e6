import { TAG } from '../ports.js';
import { clusterCapacity } from './clusterCapacity.js';
import type { HpcContext } from './HpcContext.js';

/** The research user's other clusters at full scale, for the policy's per-user caps. */
export async function userClusterFacts(
  context: HpcContext,
  username: string,
  except: string,
): Promise<{ nodes: number; vcpus?: number; gpus?: number }> {
  const clusters = await context.ops.account.hpc.listClusters(context.ops.account.regions);
  let nodes = 0;
  let vcpus: number | undefined = 0;
  let gpus: number | undefined = 0;
  for (const cluster of clusters) {
    if (
      cluster.name === except ||
      cluster.tags[TAG.researchUser] !== username ||
      cluster.status.startsWith('DELETE')
    )
      continue;
    if (!cluster.config) {
      // Sizes unknown: the per-user caps then deny as unverified rather than guess.
      vcpus = undefined;
      gpus = undefined;
      continue;
    }
    const capacity = clusterCapacity(cluster.config);
    nodes += capacity.nodes;
    vcpus = vcpus === undefined || capacity.vcpus === undefined ? undefined : vcpus + capacity.vcpus;
    gpus = gpus === undefined || capacity.gpus === undefined ? undefined : gpus + capacity.gpus;
  }
  return { nodes, ...(vcpus !== undefined ? { vcpus } : {}), ...(gpus !== undefined ? { gpus } : {}) };
}
