import {
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateRouteCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeAvailabilityZonesCommand,
  DescribeInternetGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcsCommand,
  type EC2Client,
  ModifySubnetAttributeCommand,
  ModifyVpcAttributeCommand,
  type ResourceType,
  type Subnet,
} from '@aws-sdk/client-ec2';
import { CloudError } from '../../core/CloudError.js';
import { leftHalfMade } from '../../core/leftHalfMade.js';
import {
  CREATED_NETWORK_NAME,
  CREATED_SUBNET_CIDRS,
  CREATED_VPC_CIDR,
  type CreatedNetwork,
} from '../../core/network/NetworkOverview.js';
import { TAG } from '../../core/ports.js';
import { callAws } from '../callAws.js';
import type { Ec2CallContext } from './describeEc2Networks.js';

const OWN_FILTERS = [
  { Name: `tag:${TAG.managed}`, Values: ['true'] },
  { Name: `tag:${TAG.name}`, Values: [CREATED_NETWORK_NAME] },
];

function tagged(resourceType: ResourceType, name = CREATED_NETWORK_NAME) {
  return [
    {
      ResourceType: resourceType,
      Tags: [
        { Key: TAG.managed, Value: 'true' },
        { Key: TAG.name, Value: name },
      ],
    },
  ];
}

function emptyResponse(what: string, region: string): CloudError {
  return new CloudError({
    kind: 'unknown',
    code: 'EmptyEc2Response',
    message: `EC2 returned no ${what} in ${region}.`,
    hint: 'Run `cws-tui network create` again: it finishes what exists and makes the rest.',
  });
}

/**
 * The smallest network a workstation can use: a tagged VPC with one public subnet in each of two
 * zones, an internet gateway and a default route; no NAT gateway, so it costs nothing. Every step
 * first looks for what an earlier run made (by tag, CIDR or attachment), so a run that failed
 * half-way is finished by the next one instead of leaving a second VPC; its error says so.
 */
export async function createEc2Network(
  client: EC2Client,
  region: string,
  context: Ec2CallContext,
): Promise<CreatedNetwork> {
  const progress: NetworkProgress = { made: [] };
  try {
    return await buildNetwork(client, region, context, progress);
  } catch (error) {
    if (!progress.vpcId) throw error;
    const made = progress.made.length > 0 ? ` (this run made ${progress.made.join(', ')})` : '';
    throw leftHalfMade(
      error,
      `The network ${progress.vpcId} in ${region} is left unfinished${made}; nothing was removed.`,
      `Run \`cws-tui network create --region ${region}\` again to finish it: it keeps what exists and makes only the rest. Or delete ${progress.vpcId} in the VPC console.`,
    );
  }
}

/** What a run has got to: the VPC it found or made, and what it made. */
interface NetworkProgress {
  vpcId?: string;
  made: string[];
}

async function buildNetwork(
  client: EC2Client,
  region: string,
  context: Ec2CallContext,
  progress: NetworkProgress,
): Promise<CreatedNetwork> {
  const call = <T>(action: string, send: () => Promise<T>) => callAws(context(action, region), send);
  const { made } = progress;

  const found = await call('ec2:DescribeVpcs', () =>
    client.send(new DescribeVpcsCommand({ Filters: OWN_FILTERS })),
  );
  let vpcId = found.Vpcs?.[0]?.VpcId;
  const created = vpcId === undefined;
  if (!vpcId) {
    const response = await call('ec2:CreateVpc', () =>
      client.send(new CreateVpcCommand({ CidrBlock: CREATED_VPC_CIDR, TagSpecifications: tagged('vpc') })),
    );
    vpcId = response.Vpc?.VpcId;
    if (!vpcId) throw emptyResponse('VPC', region);
    made.push(`VPC ${vpcId} (${CREATED_VPC_CIDR})`);
  }
  const vpc = vpcId;
  progress.vpcId = vpc;
  // EFS mounts by DNS name: the VPC must give instances DNS hostnames (also when an earlier run
  // made the VPC and failed before it set them).
  const hostnames = created
    ? undefined
    : await call('ec2:DescribeVpcAttribute', () =>
        client.send(new DescribeVpcAttributeCommand({ VpcId: vpc, Attribute: 'enableDnsHostnames' })),
      );
  if (created || hostnames?.EnableDnsHostnames?.Value !== true) {
    await call('ec2:ModifyVpcAttribute', () =>
      client.send(new ModifyVpcAttributeCommand({ VpcId: vpc, EnableDnsHostnames: { Value: true } })),
    );
    if (!created) made.push(`DNS hostnames in ${vpc}`);
  }

  const zones = await call('ec2:DescribeAvailabilityZones', () =>
    client.send(
      new DescribeAvailabilityZonesCommand({
        Filters: [
          { Name: 'state', Values: ['available'] },
          { Name: 'zone-type', Values: ['availability-zone'] },
        ],
      }),
    ),
  );
  const zoneNames = (zones.AvailabilityZones ?? [])
    .map((zone) => zone.ZoneName ?? '')
    .filter(Boolean)
    .sort()
    .slice(0, CREATED_SUBNET_CIDRS.length);
  if (zoneNames.length === 0) throw emptyResponse('available zone', region);

  const existing = await call('ec2:DescribeSubnets', () =>
    client.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc] }] })),
  );
  const subnets: Subnet[] = [];
  for (const [index, zone] of zoneNames.entries()) {
    const cidr = CREATED_SUBNET_CIDRS[index] ?? '';
    let subnet = existing.Subnets?.find((candidate) => candidate.CidrBlock === cidr);
    if (!subnet) {
      const response = await call('ec2:CreateSubnet', () =>
        client.send(
          new CreateSubnetCommand({
            VpcId: vpc,
            CidrBlock: cidr,
            AvailabilityZone: zone,
            TagSpecifications: tagged('subnet', `${CREATED_NETWORK_NAME}-${zone}`),
          }),
        ),
      );
      subnet = response.Subnet;
      if (!subnet?.SubnetId) throw emptyResponse('subnet', region);
      made.push(`subnet ${subnet.SubnetId} in ${zone}`);
    }
    if (subnet.MapPublicIpOnLaunch !== true) {
      const subnetId = subnet.SubnetId;
      await call('ec2:ModifySubnetAttribute', () =>
        client.send(
          new ModifySubnetAttributeCommand({ SubnetId: subnetId, MapPublicIpOnLaunch: { Value: true } }),
        ),
      );
      if (!made.some((line) => line.startsWith(`subnet ${subnetId} `)))
        made.push(`public IPs on launch in ${subnetId}`);
    }
    subnets.push(subnet);
  }

  const gatewayId = await ensureInternetGateway(client, vpc, call, made, region);

  const tables = await call('ec2:DescribeRouteTables', () =>
    client.send(
      new DescribeRouteTablesCommand({
        Filters: [
          { Name: 'vpc-id', Values: [vpc] },
          { Name: 'association.main', Values: ['true'] },
        ],
      }),
    ),
  );
  const main = tables.RouteTables?.[0];
  if (!main?.RouteTableId) throw emptyResponse('main route table', region);
  const routeTableId = main.RouteTableId;
  if (
    !main.Routes?.some((route) => route.DestinationCidrBlock === '0.0.0.0/0' && route.GatewayId === gatewayId)
  ) {
    await call('ec2:CreateRoute', () =>
      client.send(
        new CreateRouteCommand({
          RouteTableId: routeTableId,
          DestinationCidrBlock: '0.0.0.0/0',
          GatewayId: gatewayId,
        }),
      ),
    );
    made.push(`route 0.0.0.0/0 to ${gatewayId} in ${routeTableId}`);
  }

  return {
    region,
    vpc_id: vpc,
    subnet_ids: subnets.map((subnet) => subnet.SubnetId ?? ''),
    internet_gateway_id: gatewayId,
    route_table_id: routeTableId,
    outcome: created ? 'created' : made.length > 0 ? 'finished' : 'existing',
    made,
  };
}

/** The VPC's internet gateway: the attached one, else the app's own left unattached, else a new one. */
async function ensureInternetGateway(
  client: EC2Client,
  vpcId: string,
  call: <T>(action: string, send: () => Promise<T>) => Promise<T>,
  made: string[],
  region: string,
): Promise<string> {
  const attached = await call('ec2:DescribeInternetGateways', () =>
    client.send(
      new DescribeInternetGatewaysCommand({ Filters: [{ Name: 'attachment.vpc-id', Values: [vpcId] }] }),
    ),
  );
  const present = attached.InternetGateways?.[0]?.InternetGatewayId;
  if (present) return present;
  const own = await call('ec2:DescribeInternetGateways', () =>
    client.send(new DescribeInternetGatewaysCommand({ Filters: OWN_FILTERS })),
  );
  let gatewayId = own.InternetGateways?.find(
    (gateway) => (gateway.Attachments ?? []).length === 0,
  )?.InternetGatewayId;
  if (!gatewayId) {
    const response = await call('ec2:CreateInternetGateway', () =>
      client.send(new CreateInternetGatewayCommand({ TagSpecifications: tagged('internet-gateway') })),
    );
    gatewayId = response.InternetGateway?.InternetGatewayId;
    if (!gatewayId) throw emptyResponse('internet gateway', region);
    made.push(`internet gateway ${gatewayId}`);
  }
  const id = gatewayId;
  await call('ec2:AttachInternetGateway', () =>
    client.send(new AttachInternetGatewayCommand({ InternetGatewayId: id, VpcId: vpcId })),
  );
  made.push(`the attachment of ${id} to ${vpcId}`);
  return id;
}
