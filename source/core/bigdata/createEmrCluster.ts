import { TAG } from '../ports.js';
import type { ResolvedTemplate } from '../templates/templateSchema.js';
import { type BigDataContext, DATA_BUCKETS_TAG } from './BigDataContext.js';
import { BigDataError } from './BigDataError.js';
import { checkBigDataPolicy } from './checkBigDataPolicy.js';
import { type EmrCluster, isEndedCluster } from './clusterPorts.js';
import { type EmrClusterOverrides, emrClusterPlan, emrClusterPolicyFacts } from './emrClusterSpec.js';
import { pickSparkNetwork } from './pickSparkNetwork.js';
import { STAGING_PREFIX } from './prepareJobRun.js';
import { s3Uri } from './s3Uri.js';

export interface CreateEmrClusterRequest extends EmrClusterOverrides {
  template: ResolvedTemplate;
  name: string;
  region: string;
  /** Data buckets besides the template's. */
  data_buckets?: string[];
}

/**
 * Creates an EMR on EC2 cluster from an `emr-cluster` template: the plan is checked, then one
 * policy evaluation (its size at full scale, auto-termination, buckets, the price per hour at full
 * scale), then the lab's network, the staging bucket (its logs) and the roles, then the create.
 * Nothing is called before the checks pass.
 */
export async function createEmrCluster(
  context: BigDataContext,
  request: CreateEmrClusterRequest,
): Promise<EmrCluster> {
  const config = request.template.bigdata;
  if (config?.kind !== 'emr-cluster')
    throw new BigDataError(
      'input',
      `${request.template.slug} is not an emr-cluster template (try emr-spark-cluster)`,
    );
  const buckets = [...new Set([...(config.data_buckets ?? []), ...(request.data_buckets ?? [])])];
  const tags: Record<string, string> = {
    [TAG.managed]: 'true',
    [TAG.template]: request.template.slug,
    [TAG.profile]: context.profile,
    Name: request.name,
    ...(context.research_user ? { [TAG.researchUser]: context.research_user } : {}),
    ...(context.project ? { [TAG.project]: context.project } : {}),
    ...(buckets.length > 0 ? { [DATA_BUCKETS_TAG]: buckets.join(' ') } : {}),
  };
  const plan = emrClusterPlan(config, { name: request.name, region: request.region, tags }, request);
  const { facts, hourly_cost } = emrClusterPolicyFacts(plan, buckets);
  checkBigDataPolicy(context.policy, {
    template_slug: request.template.slug,
    region: request.region,
    tags,
    hourly_cost,
    facts,
  });
  const existing = await context.bigdata.clusters.listClusters([request.region]);
  if (existing.some((cluster) => cluster.name === request.name && !isEndedCluster(cluster.state)))
    throw new BigDataError('input', `a cluster named '${request.name}' already exists in ${request.region}`);
  const network = pickSparkNetwork(await context.network.describeNetworks(request.region));
  if (!network)
    throw new BigDataError(
      'input',
      `there is no VPC with subnets in ${request.region} for the cluster: run cws-tui network create --region ${request.region}`,
    );
  const bucket = await context.bigdata.staging.ensureStagingBucket(request.region);
  const roles = await context.bigdata.roles.ensureClusterRoles({ bucket, key: STAGING_PREFIX }, buckets);
  return context.bigdata.clusters.createCluster({
    ...plan,
    subnet_ids: network.subnet_ids,
    service_role: roles.service_role,
    instance_profile: roles.instance_profile,
    log_uri: s3Uri({ bucket, key: `${STAGING_PREFIX}clusters/${request.name}/` }),
  });
}
