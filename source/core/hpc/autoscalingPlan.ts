import type { ParallelClusterConfig } from './parallelClusterConfigSchema.js';

export interface AutoscalingChange {
  /** `queue` or `queue/compute-resource` (needed when the queue has several). */
  queue?: string;
  min?: number;
  max?: number;
  idle_minutes?: number;
}

export interface AutoscalingPlan {
  config: ParallelClusterConfig;
  /** What changes, one line each: "cpu/c6i MaxCount 8 → 20". */
  changes: string[];
  /** Why the compute fleet must be stopped first, when ParallelCluster's update policy requires it. */
  fleet_stop_reason?: string;
}

export class AutoscalingPlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AutoscalingPlanError';
  }
}

/**
 * A new configuration with changed MinCount/MaxCount and ScaledownIdletime, and whether
 * ParallelCluster's update policy needs the compute fleet stopped: ScaledownIdletime always does;
 * MinCount/MaxCount do unless the cluster sets a QueueUpdateStrategy (the app's clusters use DRAIN).
 */
export function autoscalingPlan(current: ParallelClusterConfig, change: AutoscalingChange): AutoscalingPlan {
  const config = structuredClone(current);
  const changes: string[] = [];
  const reasons: string[] = [];
  if (change.min !== undefined || change.max !== undefined) {
    if (!change.queue) throw new AutoscalingPlanError('name the queue to change: --queue <queue>');
    const [queueName, resourceName] = change.queue.split('/', 2);
    const queue = config.Scheduling.SlurmQueues.find((q) => q.Name === queueName);
    if (!queue)
      throw new AutoscalingPlanError(
        `no queue ${queueName}: the cluster has ${config.Scheduling.SlurmQueues.map((q) => q.Name).join(', ')}`,
      );
    const resource = resourceName
      ? queue.ComputeResources.find((r) => r.Name === resourceName)
      : queue.ComputeResources.length === 1
        ? queue.ComputeResources[0]
        : undefined;
    if (!resource) {
      const names = queue.ComputeResources.map((r) => `${queue.Name}/${r.Name}`).join(', ');
      throw new AutoscalingPlanError(
        resourceName
          ? `queue ${queue.Name} has no compute resource ${resourceName} (it has ${names})`
          : `queue ${queue.Name} has several compute resources: name one as --queue ${names}`,
      );
    }
    const min = change.min ?? resource.MinCount;
    const max = change.max ?? resource.MaxCount;
    if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max < 1)
      throw new AutoscalingPlanError('--min is 0 or more and --max 1 or more, whole numbers');
    if (min > max) throw new AutoscalingPlanError(`--min ${min} is above --max ${max}`);
    const label = `${queue.Name}/${resource.Name}`;
    if (min !== resource.MinCount) changes.push(`${label} MinCount ${resource.MinCount} → ${min}`);
    if (max !== resource.MaxCount) changes.push(`${label} MaxCount ${resource.MaxCount} → ${max}`);
    if (
      (min !== resource.MinCount || max !== resource.MaxCount) &&
      !config.Scheduling.SlurmSettings.QueueUpdateStrategy
    )
      reasons.push('MinCount/MaxCount change without a QueueUpdateStrategy');
    resource.MinCount = min;
    resource.MaxCount = max;
  }
  if (change.idle_minutes !== undefined) {
    if (!Number.isInteger(change.idle_minutes) || change.idle_minutes < 1)
      throw new AutoscalingPlanError('--idle-minutes is a whole number of minutes, 1 or more');
    const before = config.Scheduling.SlurmSettings.ScaledownIdletime;
    if (before !== change.idle_minutes) {
      changes.push(`ScaledownIdletime ${before} → ${change.idle_minutes} min`);
      reasons.push('ScaledownIdletime changes only with the compute fleet stopped');
    }
    config.Scheduling.SlurmSettings.ScaledownIdletime = change.idle_minutes;
  }
  if (change.min === undefined && change.max === undefined && change.idle_minutes === undefined)
    throw new AutoscalingPlanError('nothing to change: give --queue Q with --min/--max, or --idle-minutes');
  return { config, changes, ...(reasons.length > 0 ? { fleet_stop_reason: reasons.join('; ') } : {}) };
}
