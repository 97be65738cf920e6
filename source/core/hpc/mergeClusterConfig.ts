import type { ClusterConfig, ClusterQueue, ClusterStorage } from './clusterConfigSchema.js';

function mergeByKey<T>(
  parent: T[] | undefined,
  child: T[] | undefined,
  key: (item: T) => string,
  merge: (a: T, b: T) => T,
): T[] | undefined {
  if (!parent) return child;
  if (!child) return parent;
  const merged = [...parent];
  for (const item of child) {
    const at = merged.findIndex((existing) => key(existing) === key(item));
    if (at === -1) merged.push(item);
    else merged[at] = merge(merged[at] as T, item);
  }
  return merged;
}

function mergeQueue(parent: ClusterQueue, child: ClusterQueue): ClusterQueue {
  return {
    ...parent,
    ...child,
    compute_resources:
      mergeByKey(
        parent.compute_resources,
        child.compute_resources,
        (resource) => resource.name,
        (a, b) => ({
          ...a,
          ...b,
        }),
      ) ?? [],
  };
}

/**
 * Inheritance of `cluster_config`: scalars and the head node by key, the child's winning; queues
 * by name and their compute resources by name (a child raises one queue's MaxCount without
 * restating the others); shared storage by mount directory; examples combined.
 */
export function mergeClusterConfig(
  parent: ClusterConfig | undefined,
  child: ClusterConfig | undefined,
): ClusterConfig | undefined {
  if (!parent) return child;
  if (!child) return parent;
  const merged: ClusterConfig = {
    ...parent,
    ...child,
    head_node: { ...parent.head_node, ...child.head_node },
    queues: mergeByKey(parent.queues, child.queues, (queue) => queue.name, mergeQueue) ?? [],
  };
  const storage = mergeByKey<ClusterStorage>(
    parent.shared_storage,
    child.shared_storage,
    (s) => s.mount_dir,
    (a, b) => ({ ...a, ...b }),
  );
  if (storage) merged.shared_storage = storage;
  const examples = [...new Set([...(parent.examples ?? []), ...(child.examples ?? [])])];
  if (examples.length > 0) merged.examples = examples;
  return merged;
}
