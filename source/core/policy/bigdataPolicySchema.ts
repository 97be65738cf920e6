import { z } from 'zod';
import { lazySchema } from '../schema/lazySchema.js';

const bucketGlobs = lazySchema(() =>
  z.array(
    z
      .string()
      .min(1, 'a pattern cannot be empty')
      .regex(/^[a-z0-9*.-]+$/, 'a bucket pattern is lowercase letters, digits, ".", "-" and "*" wildcards'),
  ),
);

/**
 * The policy's rules for EMR (Serverless applications, clusters, Studio): the most capacity one
 * application or cluster may have (its cost cap), whether it must stop itself when idle, and the
 * data buckets its jobs may be given. Every key is optional: a missing key does not restrict.
 */
export const bigdataPolicySchema = lazySchema(() =>
  z.strictObject({
    /** The most vCPUs one application's maximum capacity (or one cluster at full scale) may have. */
    max_vcpus: z.number().int().positive().optional(),
    max_memory_gb: z.number().positive().optional(),
    /** Applications must auto-stop and clusters auto-terminate, within this many idle minutes when set. */
    require_auto_stop: z.boolean().optional(),
    max_idle_minutes: z.number().int().positive().optional(),
    /** Buckets a job's role may be granted and its arguments may name (the staging bucket is always allowed). */
    data_buckets: z.strictObject({ allow: bucketGlobs.optional(), deny: bucketGlobs.optional() }).optional(),
  }),
);

export type BigDataPolicy = z.infer<typeof bigdataPolicySchema>;
