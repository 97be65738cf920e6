import { TAG } from '../ports.js';
import type { ResolvedTemplate } from '../templates/templateSchema.js';
import { type BigDataContext, DATA_BUCKETS_TAG } from './BigDataContext.js';
import { BigDataError } from './BigDataError.js';
import { checkBigDataPolicy } from './checkBigDataPolicy.js';
import { capacityUsdPerHour, serverlessRates } from './emrPricing.js';
import { pickSparkNetwork } from './pickSparkNetwork.js';
import type { SparkApplication, SparkNetwork } from './ports.js';
import { type SparkApplicationOverrides, sparkApplicationSpec } from './sparkApplicationSpec.js';

export interface CreateSparkApplicationRequest extends SparkApplicationOverrides {
  template: ResolvedTemplate;
  name: string;
  region: string;
  /** Data buckets besides the template's. */
  data_buckets?: string[];
  client_token: string;
}

/**
 * Creates an EMR Serverless application from an `emr-serverless` template: the spec is checked,
 * then one policy evaluation (capacity, auto-stop, buckets, the price at maximum capacity), then
 * the VPC network when the template asks for it, then the create. Nothing is called before the
 * checks pass.
 */
export async function createSparkApplication(
  context: BigDataContext,
  request: CreateSparkApplicationRequest,
): Promise<SparkApplication> {
  const config = request.template.bigdata;
  if (config?.kind !== 'emr-serverless')
    throw new BigDataError(
      'input',
      `${request.template.slug} is not an emr-serverless template (try spark-serverless)`,
    );
  const buckets = [...new Set([...(config.data_buckets ?? []), ...(request.data_buckets ?? [])])];
  const tags: Record<string, string> = {
    [TAG.managed]: 'true',
    [TAG.template]: request.template.slug,
    [TAG.profile]: context.profile,
    ...(context.research_user ? { [TAG.researchUser]: context.research_user } : {}),
    ...(context.project ? { [TAG.project]: context.project } : {}),
    ...(buckets.length > 0 ? { [DATA_BUCKETS_TAG]: buckets.join(' ') } : {}),
  };
  const spec = sparkApplicationSpec(config, { name: request.name, region: request.region, tags }, request);
  const rates = serverlessRates(request.region, spec.architecture);
  checkBigDataPolicy(context.policy, {
    template_slug: request.template.slug,
    region: request.region,
    tags,
    hourly_cost: rates && capacityUsdPerHour(spec.maximum_capacity, rates),
    facts: {
      kind: 'emr-serverless',
      max_vcpus: spec.maximum_capacity.vcpu,
      max_memory_gb: spec.maximum_capacity.memory_gb,
      ...(spec.auto_stop_idle_minutes !== undefined
        ? { auto_stop_idle_minutes: spec.auto_stop_idle_minutes }
        : {}),
      data_buckets: buckets,
      instance_types: [],
    },
  });
  const existing = await context.bigdata.serverless.listApplications([request.region]);
  if (existing.some((application) => application.name === request.name && application.state !== 'TERMINATED'))
    throw new BigDataError(
      'input',
      `an application named '${request.name}' already exists in ${request.region}`,
    );
  if (config.network === 'vpc') spec.network = await sparkNetwork(context, request.region);
  return context.bigdata.serverless.createApplication(spec, request.client_token);
}

async function sparkNetwork(context: BigDataContext, region: string): Promise<SparkNetwork> {
  const picked = pickSparkNetwork(await context.network.describeNetworks(region));
  if (!picked)
    throw new BigDataError(
      'input',
      `there is no VPC with subnets in ${region} for VPC access: run cws-tui network create --region ${region}`,
    );
  const group = await context.network.ensureSecurityGroup(region, { subnet_id: picked.subnet_ids[0]! });
  return { subnet_ids: picked.subnet_ids, security_group_ids: [group] };
}
