import { findInstanceType } from '../catalog/instanceTypes.js';
import { evaluatePolicy } from '../policy/evaluatePolicy.js';
import type { PolicyVerdict } from '../policy/PolicyVerdict.js';
import { TAG } from '../ports.js';
import { buildParallelClusterConfig } from './buildParallelClusterConfig.js';
import { clusterCapacity } from './clusterCapacity.js';
import { CLUSTER_NAME_PATTERN } from './clusterConfigSchema.js';
import { type HpcContext, HpcError } from './HpcContext.js';
import type { ParallelClusterConfig } from './parallelClusterConfigSchema.js';
import { renderClusterConfigYaml } from './renderClusterConfigYaml.js';
import { userClusterFacts } from './userClusterFacts.js';

export interface ClusterCreateRequest {
  name: string;
  template: string;
  region: string;
  efs?: string;
  fsx?: string;
}

export interface ClusterCreatePlan {
  name: string;
  region: string;
  template: string;
  config: ParallelClusterConfig;
  yaml: string;
  tags: Record<string, string>;
  verdict: PolicyVerdict;
  /** The head node's $/h; compute nodes cost only while jobs run. */
  head_node_usd_per_hour?: number;
}

async function pickSubnet(context: HpcContext, region: string): Promise<string> {
  const overview = await context.ops.account.network.describeNetworks(region);
  const vpcs = [...overview.vpcs].sort(
    (a, b) => Number(b.managed) - Number(a.managed) || Number(b.is_default) - Number(a.is_default),
  );
  for (const vpc of vpcs) {
    // The head node must reach SSM and the compute nodes AWS: a public subnet or one behind NAT.
    const subnet = vpc.subnets.find((s) => (s.public && s.auto_public_ip) || s.nat);
    if (subnet) return subnet.id;
  }
  throw new HpcError(
    `no subnet in ${region} reaches the internet (public with auto-assigned IPs, or behind NAT)`,
    'Make one with: cws-tui network create',
  );
}

/** Everything `hpc create` checks before it creates anything: the config, its YAML, the policy. */
export async function planClusterCreate(
  context: HpcContext,
  request: ClusterCreateRequest,
): Promise<ClusterCreatePlan> {
  if (!CLUSTER_NAME_PATTERN.test(request.name))
    throw new HpcError(
      `'${request.name}' is not a cluster name: a letter, then letters, digits or - (max 60)`,
      undefined,
      2,
    );
  const existing = await context.ops.account.hpc.describeCluster(request.region, request.name);
  if (existing)
    throw new HpcError(
      `a cluster named ${request.name} already exists in ${request.region} (${existing.status})`,
    );
  const template = await context.resolveTemplate(request.template);
  const user = await context.ops.researchUser();
  const tags: Record<string, string> = {
    [TAG.managed]: 'true',
    [TAG.template]: template.slug,
    [TAG.researchUser]: user.username,
    [TAG.profile]: context.ops.profile.name,
    ...(context.ops.profile.project ? { [TAG.project]: context.ops.profile.project } : {}),
  };
  const config = buildParallelClusterConfig({
    template,
    region: request.region,
    subnet_id: await pickSubnet(context, request.region),
    ...(request.efs ? { efs: request.efs } : {}),
    ...(request.fsx ? { fsx: request.fsx } : {}),
    tags,
  });
  const capacity = clusterCapacity(config);
  const headType = config.HeadNode.InstanceType;
  const headPrice = context.ops.prices.instanceHourly(headType, request.region)?.usd_per_hour;
  const info = findInstanceType(headType);
  const verdict = evaluatePolicy(
    context.ops.profile.policy,
    {
      template_slug: template.slug,
      instance_type: headType,
      region: request.region,
      spot: false,
      hibernation: false,
      service_type: 'ec2',
      root_volume_gb: config.HeadNode.LocalStorage?.RootVolume.Size ?? 40,
      tags,
      template_ancestors: template.inheritance_chain.slice(0, -1),
      ...(template.user_made !== undefined ? { template_user_made: template.user_made } : {}),
      cluster: {
        nodes: capacity.nodes,
        ...(capacity.vcpus !== undefined ? { vcpus: capacity.vcpus } : {}),
        ...(capacity.gpus !== undefined ? { gpus: capacity.gpus } : {}),
        user_other: await userClusterFacts(context, user.username, request.name),
      },
    },
    {
      ...(info ? { instance_type_info: info } : {}),
      ...(headPrice !== undefined ? { hourly_cost: headPrice, on_demand_hourly_cost: headPrice } : {}),
    },
  );
  return {
    name: request.name,
    region: request.region,
    template: template.slug,
    config,
    yaml: renderClusterConfigYaml(config),
    tags,
    verdict,
    ...(headPrice !== undefined ? { head_node_usd_per_hour: headPrice } : {}),
  };
}
