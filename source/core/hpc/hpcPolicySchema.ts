import { z } from 'zod';
import { lazySchema } from '../schema/lazySchema.js';

const cap = lazySchema(() => z.number().int().nonnegative('a cap cannot be negative'));

/**
 * The policy's `hpc:` section: caps on what a cluster may scale to (every queue at MaxCount), per
 * cluster and across one research user's clusters. Checked by the one evaluatePolicy.
 */
export const hpcPolicySchema = lazySchema(() =>
  z.strictObject({
    max_nodes_per_cluster: cap.optional(),
    max_vcpus_per_cluster: cap.optional(),
    max_gpus_per_cluster: cap.optional(),
    max_nodes_per_user: cap.optional(),
    max_vcpus_per_user: cap.optional(),
    max_gpus_per_user: cap.optional(),
  }),
);

export type HpcPolicy = z.infer<typeof hpcPolicySchema>;

/** A cluster's size at full scale, as the policy sees it. Unknown (undefined) facts deny. */
export interface ClusterPolicyFacts {
  nodes: number;
  vcpus?: number;
  gpus?: number;
  /** The same user's other clusters at full scale (not counting this one). */
  user_other: { nodes: number; vcpus?: number; gpus?: number };
}
