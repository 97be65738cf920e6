import type { ParallelClusterConfig } from './parallelClusterConfigSchema.js';
import type { SlurmAccountingRecord } from './SlurmJob.js';

export interface JobCost {
  job_id: string;
  usd?: number;
  instance_type?: string;
  /** Why there is no figure, or how it was priced. */
  note: string;
}

/**
 * The compute resource a job ran on, from ParallelCluster's node names
 * (`<queue>-<st|dy>-<compute resource>-<n>`, possibly compressed: `cpu-dy-c6i-[1-4]`).
 */
export function computeResourceOfNodes(queue: string, nodeList: string): string | undefined {
  for (const kind of ['dy', 'st']) {
    const prefix = `${queue}-${kind}-`;
    if (!nodeList.startsWith(prefix)) continue;
    const rest = nodeList.slice(prefix.length).split(',')[0] ?? '';
    return rest.replace(/-(\d+|\[[^\]]*\]?)$/, '') || undefined;
  }
  return undefined;
}

/** The instance type behind a job's partition (and node names when the queue has several). */
export function instanceTypeOfJob(
  config: ParallelClusterConfig | undefined,
  record: Pick<SlurmAccountingRecord, 'partition' | 'node_list'>,
): string | undefined {
  const queue = config?.Scheduling.SlurmQueues.find((q) => q.Name === record.partition);
  if (!queue) return undefined;
  const resourceName = computeResourceOfNodes(queue.Name, record.node_list);
  const resource =
    queue.ComputeResources.find((r) => r.Name === resourceName) ??
    (queue.ComputeResources.length === 1 ? queue.ComputeResources[0] : undefined);
  return resource?.Instances[0]?.InstanceType;
}

/**
 * What a job cost: elapsed × nodes × the hourly price of its partition's instance type. A job
 * shares no node with another in ParallelCluster's exclusive-node default, so this is its cost.
 */
export function jobCost(
  record: SlurmAccountingRecord,
  config: ParallelClusterConfig | undefined,
  hourlyPrice: (instanceType: string) => number | undefined,
): JobCost {
  const instanceType = instanceTypeOfJob(config, record);
  if (!instanceType)
    return {
      job_id: record.job_id,
      note: `partition ${record.partition || '?'} is not in the cluster's configuration`,
    };
  const price = hourlyPrice(instanceType);
  if (price === undefined)
    return { job_id: record.job_id, instance_type: instanceType, note: `no price known for ${instanceType}` };
  const usd = (record.elapsed_seconds / 3600) * record.nodes * price;
  return {
    job_id: record.job_id,
    instance_type: instanceType,
    usd,
    note: `${record.nodes} × ${instanceType} × ${(record.elapsed_seconds / 3600).toFixed(2)} h at $${price}/h`,
  };
}
