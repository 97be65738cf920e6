import { z } from 'zod';
import { lazySchema } from '../schema/lazySchema.js';

/**
 * A cluster template's `cluster_config` (kind `parallelcluster`): what a researcher chooses, in the
 * template format's snake_case. buildParallelClusterConfig turns it into ParallelCluster 3's own
 * configuration; names and limits here are ParallelCluster's (Cluster configuration file reference).
 */

/** ParallelCluster queue and compute resource names: lowercase, start with a letter, at most 25. */
export const PCLUSTER_RESOURCE_NAME = /^[a-z][a-z0-9-]{0,24}$/;
/** ParallelCluster cluster names: a letter, then letters, digits and hyphens, at most 60. */
export const CLUSTER_NAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9-]{0,59}$/;

export const CLUSTER_OSES = ['alinux2023', 'alinux2', 'ubuntu2204', 'ubuntu2404', 'rhel9', 'rocky9'] as const;

const resourceName = lazySchema(() =>
  z
    .string()
    .regex(
      PCLUSTER_RESOURCE_NAME,
      'a queue or compute resource name is lowercase letters, digits or - (max 25)',
    ),
);
const instanceType = lazySchema(() =>
  z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9-]+$/, 'an instance type looks like "c6i.xlarge"'),
);
const count = lazySchema(() =>
  z.number().int().min(0, 'a node count is 0 or more').max(1000, 'a node count is at most 1000'),
);
const mountDir = lazySchema(() =>
  z.string().regex(/^\/[A-Za-z0-9_./-]+$/, 'a mount directory is an absolute path'),
);

export const computeResourceSchema = lazySchema(() =>
  z.strictObject({
    name: resourceName,
    instance_type: instanceType,
    min_count: count.optional(),
    max_count: count,
    /** Elastic Fabric Adapter, for tightly coupled MPI (the instance type must support it). */
    efa: z.boolean().optional(),
  }),
);

export const clusterQueueSchema = lazySchema(() =>
  z.strictObject({
    name: resourceName,
    capacity_type: z.enum(['ONDEMAND', 'SPOT']).optional(),
    /** One cluster placement group for the queue: lower latency between its nodes. */
    placement_group: z.boolean().optional(),
    compute_resources: z.array(computeResourceSchema).min(1, 'a queue has at least one compute resource'),
  }),
);

export const clusterStorageSchema = lazySchema(() =>
  z.strictObject({
    kind: z.enum(['efs', 'fsx-lustre']),
    mount_dir: mountDir,
    /** A file system id fixed by the template; otherwise `hpc create --efs/--fsx` gives it. */
    file_system_id: z
      .string()
      .regex(/^fs-[0-9a-f]{8,17}$/, 'a file system id looks like fs-0123456789abcdef0')
      .optional(),
    /** Skipped when no id is given at create, instead of refusing the create. */
    optional: z.boolean().optional(),
  }),
);

export const clusterConfigSchema = lazySchema(() =>
  z.strictObject({
    kind: z.literal('parallelcluster'),
    os: z.enum(CLUSTER_OSES).optional(),
    head_node: z.strictObject({
      instance_type: instanceType,
      root_volume_gb: z
        .number()
        .int()
        .min(35, 'ParallelCluster head node root volumes are at least 35 GB')
        .max(16384)
        .optional(),
    }),
    /** Minutes a compute node stays idle before Slurm powers it down (ScaledownIdletime). */
    scaledown_idle_minutes: z.number().int().min(1).max(43200).optional(),
    queues: z.array(clusterQueueSchema).min(1, 'a cluster has at least one queue').max(50),
    shared_storage: z.array(clusterStorageSchema).optional(),
    /** Create the profile's research users (same UIDs as on workstations) on the head node. */
    research_users: z.boolean().optional(),
    /** Sample job scripts shipped next to the template (templates/hpc-examples/). */
    examples: z.array(z.string().regex(/^[A-Za-z0-9_.-]+$/, 'an example is a file name')).optional(),
  }),
);

export type ClusterConfig = z.infer<typeof clusterConfigSchema>;
export type ClusterQueue = z.infer<typeof clusterQueueSchema>;
export type ComputeResource = z.infer<typeof computeResourceSchema>;
export type ClusterStorage = z.infer<typeof clusterStorageSchema>;
