import type { NetworkOverview, VpcSummary } from '../network/NetworkOverview.js';

/**
 * The VPC and subnets an application's workers use for VPC access: the app's own network (made by
 * `network create`) first, then the default VPC; private subnets with a NAT are preferred (workers
 * have no public address, so they reach S3 and the internet through it).
 */
export function pickSparkNetwork(
  overview: NetworkOverview,
): { vpc_id: string; subnet_ids: string[] } | undefined {
  const rank = (vpc: VpcSummary) => (vpc.managed ? 0 : vpc.is_default ? 1 : 2);
  const vpcs = [...overview.vpcs].filter((vpc) => vpc.subnets.length > 0).sort((a, b) => rank(a) - rank(b));
  const vpc = vpcs[0];
  if (!vpc) return undefined;
  const private_ = vpc.subnets.filter((subnet) => subnet.nat);
  const subnets = (private_.length > 0 ? private_ : vpc.subnets).map((subnet) => subnet.id).sort();
  return { vpc_id: vpc.id, subnet_ids: subnets };
}
