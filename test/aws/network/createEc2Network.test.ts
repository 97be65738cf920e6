import {
  AttachInternetGatewayCommand,
  type AvailabilityZone,
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
  EC2Client,
  ModifySubnetAttributeCommand,
  ModifyVpcAttributeCommand,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { Ec2Network } from '../../../source/aws/ec2Network.js';
import { awsServiceError } from '../awsServiceError.js';
import { rejectionOf } from '../rejectionOf.js';

const ec2Mock = mockClient(EC2Client);
const client = new EC2Client({
  region: 'eu-central-1',
  maxAttempts: 1,
  credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
});
const network = () => new Ec2Network({ ec2: () => client, profile: 'lab' });

const zones: { AvailabilityZones: AvailabilityZone[] } = {
  AvailabilityZones: [
    { ZoneName: 'eu-central-1b', State: 'available', ZoneType: 'availability-zone' },
    { ZoneName: 'eu-central-1a', State: 'available', ZoneType: 'availability-zone' },
    { ZoneName: 'eu-central-1c', State: 'available', ZoneType: 'availability-zone' },
  ],
};

beforeEach(() => {
  ec2Mock.reset();
  ec2Mock.on(DescribeAvailabilityZonesCommand).resolves(zones);
});

describe('Ec2Network.createNetwork', () => {
  it('makes a tagged VPC, a public subnet in each of two zones, an internet gateway and the default route', async () => {
    ec2Mock
      .on(DescribeVpcsCommand)
      .resolves({ Vpcs: [] })
      .on(CreateVpcCommand)
      .resolves({ Vpc: { VpcId: 'vpc-0new', CidrBlock: '10.42.0.0/16', State: 'pending' } })
      .on(ModifyVpcAttributeCommand)
      .resolves({})
      .on(DescribeSubnetsCommand)
      .resolves({ Subnets: [] })
      .on(CreateSubnetCommand, { AvailabilityZone: 'eu-central-1a' })
      .resolves({
        Subnet: { SubnetId: 'subnet-0aaa', CidrBlock: '10.42.0.0/20', MapPublicIpOnLaunch: false },
      })
      .on(CreateSubnetCommand, { AvailabilityZone: 'eu-central-1b' })
      .resolves({
        Subnet: { SubnetId: 'subnet-0bbb', CidrBlock: '10.42.16.0/20', MapPublicIpOnLaunch: false },
      })
      .on(ModifySubnetAttributeCommand)
      .resolves({})
      .on(DescribeInternetGatewaysCommand)
      .resolves({ InternetGateways: [] })
      .on(CreateInternetGatewayCommand)
      .resolves({ InternetGateway: { InternetGatewayId: 'igw-0new', Attachments: [] } })
      .on(AttachInternetGatewayCommand)
      .resolves({})
      .on(DescribeRouteTablesCommand)
      .resolves({
        RouteTables: [
          {
            RouteTableId: 'rtb-0main',
            VpcId: 'vpc-0new',
            Associations: [{ Main: true }],
            Routes: [{ DestinationCidrBlock: '10.42.0.0/16', GatewayId: 'local' }],
          },
        ],
      })
      .on(CreateRouteCommand)
      .resolves({ Return: true });
    const created = await network().createNetwork('eu-central-1');
    expect(created).toMatchObject({
      vpc_id: 'vpc-0new',
      subnet_ids: ['subnet-0aaa', 'subnet-0bbb'],
      internet_gateway_id: 'igw-0new',
      route_table_id: 'rtb-0main',
      outcome: 'created',
    });
    const vpc = ec2Mock.commandCalls(CreateVpcCommand)[0]!.args[0].input;
    expect(vpc.TagSpecifications?.[0]?.Tags).toEqual([
      { Key: 'cws:managed', Value: 'true' },
      { Key: 'Name', Value: 'cws-tui' },
    ]);
    expect(ec2Mock.commandCalls(ModifySubnetAttributeCommand).map((call) => call.args[0].input)).toEqual([
      { SubnetId: 'subnet-0aaa', MapPublicIpOnLaunch: { Value: true } },
      { SubnetId: 'subnet-0bbb', MapPublicIpOnLaunch: { Value: true } },
    ]);
    expect(ec2Mock.commandCalls(CreateRouteCommand)[0]!.args[0].input).toEqual({
      RouteTableId: 'rtb-0main',
      DestinationCidrBlock: '0.0.0.0/0',
      GatewayId: 'igw-0new',
    });
    // No NAT gateway: the shape costs nothing.
    expect(JSON.stringify(ec2Mock.calls().map((call) => call.args[0].constructor.name))).not.toContain('Nat');
  });

  it('finishes a network an earlier run left half-made instead of making a second one', async () => {
    ec2Mock
      .on(DescribeVpcsCommand)
      .resolves({ Vpcs: [{ VpcId: 'vpc-0half', Tags: [{ Key: 'cws:managed', Value: 'true' }] }] })
      .on(DescribeVpcAttributeCommand)
      .resolves({ VpcId: 'vpc-0half', EnableDnsHostnames: { Value: true } })
      .on(DescribeSubnetsCommand)
      .resolves({
        Subnets: [{ SubnetId: 'subnet-0aaa', CidrBlock: '10.42.0.0/20', MapPublicIpOnLaunch: true }],
      })
      .on(CreateSubnetCommand)
      .resolves({
        Subnet: { SubnetId: 'subnet-0bbb', CidrBlock: '10.42.16.0/20', MapPublicIpOnLaunch: false },
      })
      .on(ModifySubnetAttributeCommand)
      .resolves({})
      .on(DescribeInternetGatewaysCommand, {
        Filters: [{ Name: 'attachment.vpc-id', Values: ['vpc-0half'] }],
      })
      .resolves({ InternetGateways: [] })
      .on(DescribeInternetGatewaysCommand, {
        Filters: [
          { Name: 'tag:cws:managed', Values: ['true'] },
          { Name: 'tag:Name', Values: ['cws-tui'] },
        ],
      })
      .resolves({ InternetGateways: [{ InternetGatewayId: 'igw-0left', Attachments: [] }] })
      .on(AttachInternetGatewayCommand)
      .resolves({})
      .on(DescribeRouteTablesCommand)
      .resolves({ RouteTables: [{ RouteTableId: 'rtb-0main', Associations: [{ Main: true }], Routes: [] }] })
      .on(CreateRouteCommand)
      .resolves({ Return: true });
    const created = await network().createNetwork('eu-central-1');
    expect(created.outcome).toBe('finished');
    expect(created.made).toEqual([
      'subnet subnet-0bbb in eu-central-1b',
      'the attachment of igw-0left to vpc-0half',
      'route 0.0.0.0/0 to igw-0left in rtb-0main',
    ]);
    expect(ec2Mock.commandCalls(CreateVpcCommand)).toHaveLength(0);
    expect(ec2Mock.commandCalls(CreateInternetGatewayCommand)).toHaveLength(0);
    expect(ec2Mock.commandCalls(CreateSubnetCommand)).toHaveLength(1);
  });

  it('says the VPC is left unfinished and that running it again finishes it, when a later step fails', async () => {
    ec2Mock
      .on(DescribeVpcsCommand)
      .resolves({ Vpcs: [] })
      .on(CreateVpcCommand)
      .resolves({ Vpc: { VpcId: 'vpc-0new', CidrBlock: '10.42.0.0/16', State: 'pending' } })
      .on(ModifyVpcAttributeCommand)
      .rejects(
        awsServiceError(
          'UnauthorizedOperation',
          'You are not authorized to perform this operation. Encoded authorization failure message: AbC',
          403,
        ),
      );
    const error = await rejectionOf(network().createNetwork('eu-central-1'));
    expect(error.message).toContain('ec2:ModifyVpcAttribute');
    expect(error.message).toContain(
      'The network vpc-0new in eu-central-1 is left unfinished (this run made VPC vpc-0new (10.42.0.0/16)); nothing was removed.',
    );
    expect(error.hint).toContain('Run `cws-tui network create --region eu-central-1` again to finish it');
    expect(ec2Mock.commandCalls(CreateSubnetCommand)).toHaveLength(0);
  });

  it('turns on the DNS hostnames an earlier run failed to set, and says so', async () => {
    ec2Mock
      .on(DescribeVpcsCommand)
      .resolves({ Vpcs: [{ VpcId: 'vpc-0half' }] })
      .on(DescribeVpcAttributeCommand)
      .resolves({ VpcId: 'vpc-0half', EnableDnsHostnames: { Value: false } })
      .on(ModifyVpcAttributeCommand)
      .resolves({})
      .on(DescribeSubnetsCommand)
      .resolves({
        Subnets: [
          { SubnetId: 'subnet-0aaa', CidrBlock: '10.42.0.0/20', MapPublicIpOnLaunch: true },
          { SubnetId: 'subnet-0bbb', CidrBlock: '10.42.16.0/20', MapPublicIpOnLaunch: false },
        ],
      })
      .on(ModifySubnetAttributeCommand)
      .resolves({})
      .on(DescribeInternetGatewaysCommand)
      .resolves({
        InternetGateways: [{ InternetGatewayId: 'igw-0on', Attachments: [{ VpcId: 'vpc-0half' }] }],
      })
      .on(DescribeRouteTablesCommand)
      .resolves({
        RouteTables: [
          {
            RouteTableId: 'rtb-0main',
            Associations: [{ Main: true }],
            Routes: [{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-0on' }],
          },
        ],
      });
    const finished = await network().createNetwork('eu-central-1');
    expect(finished).toMatchObject({
      outcome: 'finished',
      made: ['DNS hostnames in vpc-0half', 'public IPs on launch in subnet-0bbb'],
    });
    expect(ec2Mock.commandCalls(ModifyVpcAttributeCommand)[0]?.args[0].input).toEqual({
      VpcId: 'vpc-0half',
      EnableDnsHostnames: { Value: true },
    });
  });

  it('names the call, the region and what to do when EC2 refuses', async () => {
    ec2Mock
      .on(DescribeVpcsCommand)
      .resolves({ Vpcs: [] })
      .on(CreateVpcCommand)
      .rejects(awsServiceError('VpcLimitExceeded', 'The maximum number of VPCs has been reached.'));
    const error = await rejectionOf(network().createNetwork('eu-central-1'));
    expect(error.kind).toBe('quota');
    expect(error.message).toBe(
      'An AWS quota in eu-central-1 is used up: The maximum number of VPCs has been reached.',
    );
    expect(error.hint).toContain('request a higher quota');
    expect(ec2Mock.commandCalls(CreateSubnetCommand)).toHaveLength(0);
  });
});
