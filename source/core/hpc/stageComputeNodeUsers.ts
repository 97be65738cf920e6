import { type ClusterUser, COMPUTE_NODE_USERS_SCRIPT, withComputeNodeUsers } from './computeNodeUsers.js';
import type { HpcContext } from './HpcContext.js';
import type { ParallelClusterConfig } from './parallelClusterConfigSchema.js';
import type { ClusterCreatePlan } from './planClusterCreate.js';

/** Where the script goes in the lab's staging bucket (the same one the big data jobs use). */
export const COMPUTE_NODE_USERS_KEY = 'hpc/compute-node-users.sh';

/**
 * For a template with `research_users`, uploads the users script to the region's staging bucket
 * (private, made once) and returns the configuration whose compute queues run it; otherwise the
 * plan's configuration as it is. Runs only once the policy allowed the cluster.
 */
export async function stageComputeNodeUsers(
  context: HpcContext,
  plan: ClusterCreatePlan,
): Promise<ParallelClusterConfig> {
  const template = await context.resolveTemplate(plan.template);
  if (!template.cluster_config?.research_users) return plan.config;
  const users: ClusterUser[] = (await context.researchUsers()).map((user) => ({
    name: user.username,
    uid: user.uid,
  }));
  if (users.length === 0) return plan.config;
  const staging = context.ops.account.bigdata.staging;
  const bucket = await staging.ensureStagingBucket(plan.region);
  await staging.upload(
    plan.region,
    { bucket, key: COMPUTE_NODE_USERS_KEY },
    new TextEncoder().encode(COMPUTE_NODE_USERS_SCRIPT),
  );
  return withComputeNodeUsers(plan.config, users, { bucket, key: COMPUTE_NODE_USERS_KEY });
}
