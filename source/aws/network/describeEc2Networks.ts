import {
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcsCommand,
  type EC2Client,
  type RouteTable,
  type Tag,
} from '@aws-sdk/client-ec2';
import type { NetworkOverview, SubnetSummary, VpcSummary } from '../../core/network/NetworkOverview.js';
import { TAG } from '../../core/ports.js';
import { callAws } from '../callAws.js';
import type { AwsCallContext } from '../translateAwsError.js';

export type Ec2CallContext = (action: string, region: string) => AwsCallContext;

/** The interface endpoints Session Manager needs when the subnet has no way to the internet. */
const SSM_ENDPOINT_SERVICES = ['ssm', 'ssmmessages', 'ec2messages'];

function tagValue(tags: Tag[] | undefined, key: string): string | undefined {
  return tags?.find((tag) => tag.Key === key)?.Value;
}

/** Where a route table sends 0.0.0.0/0: an internet gateway, a NAT gateway, or nowhere. */
function defaultRoute(table: RouteTable | undefined): 'igw' | 'nat' | undefined {
  const route = table?.Routes?.find(
    (candidate) => candidate.DestinationCidrBlock === '0.0.0.0/0' && candidate.State !== 'blackhole',
  );
  if (route?.GatewayId?.startsWith('igw-')) return 'igw';
  if (route?.NatGatewayId) return 'nat';
  return undefined;
}

/**
 * The region's VPCs and subnets, each subnet public or private by its route table (its own or the
 * VPC's main one): what `network show` prints and `doctor` checks. Four describe calls per region.
 */
export async function describeEc2Networks(
  client: EC2Client,
  region: string,
  context: Ec2CallContext,
): Promise<NetworkOverview> {
  const [vpcs, subnets, tables, endpoints] = await Promise.all([
    callAws(context('ec2:DescribeVpcs', region), () => client.send(new DescribeVpcsCommand({}))),
    callAws(context('ec2:DescribeSubnets', region), () => client.send(new DescribeSubnetsCommand({}))),
    callAws(context('ec2:DescribeRouteTables', region), () =>
      client.send(new DescribeRouteTablesCommand({})),
    ),
    callAws(context('ec2:DescribeVpcEndpoints', region), () =>
      client.send(new DescribeVpcEndpointsCommand({})),
    ),
  ]);
  const routeTables = tables.RouteTables ?? [];
  const tableOf = (subnetId: string, vpcId: string) =>
    routeTables.find((table) =>
      table.Associations?.some((association) => association.SubnetId === subnetId),
    ) ??
    routeTables.find(
      (table) => table.VpcId === vpcId && table.Associations?.some((association) => association.Main),
    );
  const endpointServices = (vpcId: string) =>
    new Set(
      (endpoints.VpcEndpoints ?? [])
        .filter((endpoint) => endpoint.VpcId === vpcId && endpoint.State?.toLowerCase() === 'available')
        .map((endpoint) => endpoint.ServiceName?.split('.').pop() ?? ''),
    );
  const summaries: VpcSummary[] = (vpcs.Vpcs ?? []).map((vpc) => {
    const vpcId = vpc.VpcId ?? '';
    const services = endpointServices(vpcId);
    const vpcSubnets: SubnetSummary[] = (subnets.Subnets ?? [])
      .filter((subnet) => subnet.VpcId === vpcId)
      .map((subnet) => {
        const route = defaultRoute(tableOf(subnet.SubnetId ?? '', vpcId));
        const name = tagValue(subnet.Tags, TAG.name);
        return {
          id: subnet.SubnetId ?? '',
          vpc_id: vpcId,
          availability_zone: subnet.AvailabilityZone ?? '',
          cidr: subnet.CidrBlock ?? '',
          public: route === 'igw',
          auto_public_ip: subnet.MapPublicIpOnLaunch === true,
          nat: route === 'nat',
          ...(name ? { name } : {}),
        };
      })
      .sort((a, b) => a.availability_zone.localeCompare(b.availability_zone) || a.id.localeCompare(b.id));
    const name = tagValue(vpc.Tags, TAG.name);
    return {
      id: vpcId,
      cidr: vpc.CidrBlock ?? '',
      is_default: vpc.IsDefault === true,
      ...(name ? { name } : {}),
      managed: tagValue(vpc.Tags, TAG.managed) === 'true',
      internet_gateway: routeTables.some(
        (table) =>
          table.VpcId === vpcId && table.Routes?.some((route) => route.GatewayId?.startsWith('igw-')),
      ),
      ssm_endpoints: SSM_ENDPOINT_SERVICES.every((service) => services.has(service)),
      ec2_endpoint: services.has('ec2'),
      subnets: vpcSubnets,
    };
  });
  return {
    region,
    vpcs: summaries.sort((a, b) => Number(b.is_default) - Number(a.is_default) || a.id.localeCompare(b.id)),
  };
}
