import {
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { Ec2Network } from '../../../source/aws/ec2Network.js';

const ec2Mock = mockClient(EC2Client);
const client = new EC2Client({
  region: 'eu-central-1',
  maxAttempts: 1,
  credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
});
const network = () => new Ec2Network({ ec2: () => client, profile: 'lab' });

beforeEach(() => {
  ec2Mock.reset();
});

describe('Ec2Network.describeNetworks', () => {
  it('tells public subnets from private ones by their route tables, and sees NAT and SSM endpoints', async () => {
    ec2Mock
      .on(DescribeVpcsCommand)
      .resolves({
        Vpcs: [
          {
            VpcId: 'vpc-0lz',
            CidrBlock: '10.10.0.0/16',
            IsDefault: false,
            Tags: [{ Key: 'Name', Value: 'landing-zone' }],
          },
        ],
      })
      .on(DescribeSubnetsCommand)
      .resolves({
        Subnets: [
          {
            SubnetId: 'subnet-0pub',
            VpcId: 'vpc-0lz',
            AvailabilityZone: 'eu-central-1a',
            CidrBlock: '10.10.0.0/24',
            MapPublicIpOnLaunch: true,
          },
          {
            SubnetId: 'subnet-0nat',
            VpcId: 'vpc-0lz',
            AvailabilityZone: 'eu-central-1a',
            CidrBlock: '10.10.1.0/24',
            MapPublicIpOnLaunch: false,
          },
          {
            SubnetId: 'subnet-0iso',
            VpcId: 'vpc-0lz',
            AvailabilityZone: 'eu-central-1b',
            CidrBlock: '10.10.2.0/24',
            MapPublicIpOnLaunch: false,
          },
        ],
      })
      .on(DescribeRouteTablesCommand)
      .resolves({
        RouteTables: [
          {
            RouteTableId: 'rtb-0pub',
            VpcId: 'vpc-0lz',
            Associations: [{ SubnetId: 'subnet-0pub', Main: false }],
            Routes: [{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-0lz', State: 'active' }],
          },
          {
            RouteTableId: 'rtb-0nat',
            VpcId: 'vpc-0lz',
            Associations: [{ SubnetId: 'subnet-0nat', Main: false }],
            Routes: [{ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-0lz', State: 'active' }],
          },
          { RouteTableId: 'rtb-0main', VpcId: 'vpc-0lz', Associations: [{ Main: true }], Routes: [] },
        ],
      })
      .on(DescribeVpcEndpointsCommand)
      .resolves({
        VpcEndpoints: ['ssm', 'ssmmessages', 'ec2messages'].map((service) => ({
          VpcId: 'vpc-0lz',
          ServiceName: `com.amazonaws.eu-central-1.${service}`,
          State: 'Available' as const,
        })),
      });
    const overview = await network().describeNetworks('eu-central-1');
    const [vpc] = overview.vpcs;
    expect(vpc).toMatchObject({
      id: 'vpc-0lz',
      name: 'landing-zone',
      is_default: false,
      internet_gateway: true,
      ssm_endpoints: true,
      ec2_endpoint: false,
    });
    expect(vpc?.subnets.map((subnet) => [subnet.id, subnet.public, subnet.nat])).toEqual([
      ['subnet-0nat', false, true],
      ['subnet-0pub', true, false],
      ['subnet-0iso', false, false],
    ]);
  });
});
