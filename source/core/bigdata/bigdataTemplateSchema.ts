import { z } from 'zod';
import { lazySchema } from '../schema/lazySchema.js';

/**
 * A template's `bigdata` section: an EMR Serverless application, an EMR on EC2 cluster or an EMR
 * Studio instead of a workstation. Such a template has no `base`; `cws-tui bigdata` runs it.
 */

/** EMR Serverless worker sizes: 1, 2, 4, 8 or 16 vCPU, with 2-8 GB per vCPU (16 vCPU: up to 120 GB). */
export const WORKER_VCPUS = [1, 2, 4, 8, 16] as const;

const bucketName = lazySchema(() =>
  z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'a bucket name is 3-63 lowercase letters, digits, . or -'),
);
const releaseLabel = lazySchema(() =>
  z.string().regex(/^emr-\d+\.\d+\.\d+$/, 'a release label looks like "emr-7.5.0"'),
);
const idleMinutes = lazySchema(() =>
  z
    .number()
    .int()
    .min(1, 'an idle timeout is 1-10080 minutes')
    .max(10080, 'an idle timeout is 1-10080 minutes'),
);

const workerGroup = lazySchema(() =>
  z.strictObject({
    workers: z.number().int().min(1, 'at least one worker').max(1000),
    vcpu: z.union(
      WORKER_VCPUS.map((vcpu) => z.literal(vcpu)) as [z.ZodLiteral<1>, ...z.ZodLiteral<number>[]],
    ),
    memory_gb: z.number().int().positive(),
    disk_gb: z
      .number()
      .int()
      .min(20, 'a worker disk is 20-200 GB')
      .max(200, 'a worker disk is 20-200 GB')
      .optional(),
  }),
);

export const emrServerlessConfigSchema = lazySchema(() =>
  z.strictObject({
    kind: z.literal('emr-serverless'),
    release_label: releaseLabel,
    architecture: z.enum(['x86_64', 'arm64']).optional(),
    initial_capacity: z
      .strictObject({ driver: workerGroup.optional(), executor: workerGroup.optional() })
      .optional(),
    maximum_capacity: z.strictObject({
      vcpu: z.number().int().positive(),
      memory_gb: z.number().int().positive(),
      disk_gb: z.number().int().positive().optional(),
    }),
    auto_start: z.boolean().optional(),
    /** Omit to keep the application started while idle (reported as a cost finding). */
    auto_stop_idle_minutes: idleMinutes.optional(),
    /** `vpc`: workers run in the profile's VPC subnets (private data, FSx); `none`: no VPC access. */
    network: z.enum(['none', 'vpc']).optional(),
    data_buckets: z.array(bucketName).optional(),
    /** Retry a failed run this many times in all (the service's retry policy). */
    max_attempts: z.number().int().min(1).max(10).optional(),
    /** Sample pipelines shipped next to the template, relative to its file. */
    examples: z.array(z.string().min(1)).optional(),
  }),
);

const fleet = lazySchema(() =>
  z.strictObject({
    instance_types: z.array(z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9]+$/)).min(1),
    on_demand: z.number().int().nonnegative().optional(),
    spot: z.number().int().nonnegative().optional(),
  }),
);

export const emrClusterConfigSchema = lazySchema(() =>
  z.strictObject({
    kind: z.literal('emr-cluster'),
    release_label: releaseLabel,
    applications: z.array(z.string().min(1)).min(1),
    primary: fleet,
    core: fleet,
    managed_scaling: z
      .strictObject({ min: z.number().int().positive(), max: z.number().int().positive() })
      .optional(),
    auto_termination_idle_minutes: idleMinutes.optional(),
    ebs_gb: z.number().int().min(10).max(16384).optional(),
    data_buckets: z.array(bucketName).optional(),
    examples: z.array(z.string().min(1)).optional(),
  }),
);

export const emrStudioConfigSchema = lazySchema(() =>
  z.strictObject({
    kind: z.literal('emr-studio'),
    /** Workspaces are named `<prefix>-<research user>`. */
    workspace_prefix: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,30}$/)
      .optional(),
  }),
);

export const bigdataConfigSchema = lazySchema(() =>
  z.discriminatedUnion('kind', [emrServerlessConfigSchema, emrClusterConfigSchema, emrStudioConfigSchema]),
);

export type BigDataConfig = z.infer<typeof bigdataConfigSchema>;
export type EmrServerlessConfig = z.infer<typeof emrServerlessConfigSchema>;
export type EmrClusterConfig = z.infer<typeof emrClusterConfigSchema>;
export type EmrStudioConfig = z.infer<typeof emrStudioConfigSchema>;
export type BigDataKind = BigDataConfig['kind'];
