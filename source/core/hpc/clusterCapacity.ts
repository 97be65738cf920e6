import { findInstanceType } from '../catalog/instanceTypes.js';
import type { ParallelClusterConfig } from './parallelClusterConfigSchema.js';

export interface ClusterCapacity {
  nodes: number;
  /** Undefined when an instance type is not in the catalog. */
  vcpus?: number;
  gpus?: number;
  unknown_types: string[];
}

/** What the cluster's queues can scale to (every compute resource at MaxCount), for the policy. */
export function clusterCapacity(config: ParallelClusterConfig): ClusterCapacity {
  let nodes = 0;
  let vcpus = 0;
  let gpus = 0;
  const unknown: string[] = [];
  for (const queue of config.Scheduling.SlurmQueues) {
    for (const resource of queue.ComputeResources) {
      const type = resource.Instances[0]?.InstanceType ?? '';
      nodes += resource.MaxCount;
      const info = findInstanceType(type);
      if (!info) {
        unknown.push(type);
        continue;
      }
      vcpus += info.vcpus * resource.MaxCount;
      gpus += info.gpus * resource.MaxCount;
    }
  }
  return unknown.length > 0 ? { nodes, unknown_types: unknown } : { nodes, vcpus, gpus, unknown_types: [] };
}
