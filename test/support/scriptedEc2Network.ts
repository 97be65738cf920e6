import {
  AttachInternetGatewayCommand,
  type AttachInternetGatewayCommandInput,
  type AttachmentStatus,
  CreateInternetGatewayCommand,
  type CreateInternetGatewayCommandInput,
  CreateRouteCommand,
  type CreateRouteCommandInput,
  CreateSubnetCommand,
  type CreateSubnetCommandInput,
  CreateVpcCommand,
  type CreateVpcCommandInput,
  DescribeAvailabilityZonesCommand,
  DescribeInternetGatewaysCommand,
  type DescribeInternetGatewaysCommandInput,
  DescribeRouteTablesCommand,
  type DescribeRouteTablesCommandInput,
  DescribeSubnetsCommand,
  type DescribeSubnetsCommandInput,
  DescribeVpcAttributeCommand,
  type DescribeVpcAttributeCommandInput,
  DescribeVpcEndpointsCommand,
  DescribeVpcsCommand,
  type DescribeVpcsCommandInput,
  type InternetGateway,
  ModifySubnetAttributeCommand,
  type ModifySubnetAttributeCommandInput,
  ModifyVpcAttributeCommand,
  type ModifyVpcAttributeCommandInput,
  type RouteTable,
  type SecurityGroupRule,
  type Subnet,
  type Tag,
  type Vpc,
} from '@aws-sdk/client-ec2';
import { awsServiceError } from '../aws/awsServiceError.js';
import { installSecurityGroups } from './installSecurityGroups.js';
import { type Ec2Stub, matchesEc2Filters } from './matchesEc2Filters.js';

const hex = (n: number) => n.toString(16).padStart(17, '0');

/**
 * The network half of one scripted AWS account: an institution's region with no default VPC (a
 * landing zone deleted it) whose VPCs, subnets, internet gateways, route tables, security groups
 * and key pairs change as the app creates them, answering as EC2 does (ids, filters, error codes).
 */
export class ScriptedEc2Network {
  readonly vpcs: Vpc[] = [];
  readonly subnets: Subnet[] = [];
  readonly gateways: InternetGateway[] = [];
  readonly routeTables: RouteTable[] = [];
  readonly groups: Array<{ GroupId: string; GroupName: string; VpcId: string; Tags: Tag[] }> = [];
  readonly rules: SecurityGroupRule[] = [];
  readonly keyPairs: string[] = [];
  readonly dnsHostnames = new Set<string>();
  /** Fails the next call of this command name once (a mid-way failure), then behaves again. */
  failOnce = new Map<string, Error>();
  private next = 1;

  constructor(private readonly region: string) {}

  id(prefix: string): string {
    this.next += 1;
    return `${prefix}-${hex(this.next)}`;
  }

  private fail(command: string): void {
    const error = this.failOnce.get(command);
    if (error) {
      this.failOnce.delete(command);
      throw error;
    }
  }

  install(ec2: Ec2Stub): void {
    const zones = [`${this.region}a`, `${this.region}b`, `${this.region}c`];
    ec2.on(DescribeAvailabilityZonesCommand).resolves({
      AvailabilityZones: zones.map((ZoneName) => ({
        ZoneName,
        State: 'available',
        ZoneType: 'availability-zone',
      })),
    });
    ec2.on(DescribeVpcsCommand).callsFake(async (input: DescribeVpcsCommandInput) => ({
      Vpcs: this.vpcs.filter((vpc) =>
        matchesEc2Filters(input.Filters, vpc.Tags, { isDefault: [String(vpc.IsDefault === true)] }),
      ),
    }));
    ec2.on(CreateVpcCommand).callsFake(async (input: CreateVpcCommandInput) => {
      this.fail('CreateVpc');
      const vpc: Vpc = {
        VpcId: this.id('vpc'),
        CidrBlock: input.CidrBlock,
        State: 'pending',
        IsDefault: false,
        Tags: input.TagSpecifications?.[0]?.Tags ?? [],
      };
      this.vpcs.push(vpc);
      this.routeTables.push({
        RouteTableId: this.id('rtb'),
        VpcId: vpc.VpcId,
        Associations: [{ Main: true, RouteTableAssociationId: this.id('rtbassoc') }],
        Routes: [{ DestinationCidrBlock: input.CidrBlock, GatewayId: 'local', State: 'active' }],
      });
      return { Vpc: vpc };
    });
    ec2.on(ModifyVpcAttributeCommand).callsFake(async (input: ModifyVpcAttributeCommandInput) => {
      this.fail('ModifyVpcAttribute');
      if (input.EnableDnsHostnames?.Value) this.dnsHostnames.add(input.VpcId ?? '');
      return {};
    });
    ec2.on(DescribeVpcAttributeCommand).callsFake(async (input: DescribeVpcAttributeCommandInput) => ({
      VpcId: input.VpcId,
      EnableDnsHostnames: { Value: this.dnsHostnames.has(input.VpcId ?? '') },
    }));
    ec2.on(DescribeSubnetsCommand).callsFake(async (input: DescribeSubnetsCommandInput) => {
      const found = this.subnets.filter(
        (subnet) =>
          (!input.SubnetIds || input.SubnetIds.includes(subnet.SubnetId ?? '')) &&
          matchesEc2Filters(input.Filters, subnet.Tags, {
            'vpc-id': [subnet.VpcId ?? ''],
            'default-for-az': [String(subnet.DefaultForAz === true)],
          }),
      );
      if (input.SubnetIds && found.length === 0) {
        throw awsServiceError(
          'InvalidSubnetID.NotFound',
          `The subnet ID '${input.SubnetIds[0]}' does not exist`,
        );
      }
      return { Subnets: found };
    });
    ec2.on(CreateSubnetCommand).callsFake(async (input: CreateSubnetCommandInput) => {
      this.fail('CreateSubnet');
      const subnet: Subnet = {
        SubnetId: this.id('subnet'),
        VpcId: input.VpcId,
        CidrBlock: input.CidrBlock,
        AvailabilityZone: input.AvailabilityZone,
        MapPublicIpOnLaunch: false,
        DefaultForAz: false,
        State: 'available',
        Tags: input.TagSpecifications?.[0]?.Tags ?? [],
      };
      this.subnets.push(subnet);
      return { Subnet: subnet };
    });
    ec2.on(ModifySubnetAttributeCommand).callsFake(async (input: ModifySubnetAttributeCommandInput) => {
      const subnet = this.subnets.find((candidate) => candidate.SubnetId === input.SubnetId);
      if (subnet && input.MapPublicIpOnLaunch) subnet.MapPublicIpOnLaunch = input.MapPublicIpOnLaunch.Value;
      return {};
    });
    ec2
      .on(DescribeInternetGatewaysCommand)
      .callsFake(async (input: DescribeInternetGatewaysCommandInput) => ({
        InternetGateways: this.gateways.filter((gateway) =>
          matchesEc2Filters(input.Filters, gateway.Tags, {
            'attachment.vpc-id': (gateway.Attachments ?? []).map((attachment) => attachment.VpcId ?? ''),
          }),
        ),
      }));
    ec2.on(CreateInternetGatewayCommand).callsFake(async (input: CreateInternetGatewayCommandInput) => {
      this.fail('CreateInternetGateway');
      const gateway: InternetGateway = {
        InternetGatewayId: this.id('igw'),
        Attachments: [],
        Tags: input.TagSpecifications?.[0]?.Tags ?? [],
      };
      this.gateways.push(gateway);
      return { InternetGateway: gateway };
    });
    ec2.on(AttachInternetGatewayCommand).callsFake(async (input: AttachInternetGatewayCommandInput) => {
      this.fail('AttachInternetGateway');
      const gateway = this.gateways.find(
        (candidate) => candidate.InternetGatewayId === input.InternetGatewayId,
      );
      gateway?.Attachments?.push({ VpcId: input.VpcId, State: 'available' as AttachmentStatus });
      return {};
    });
    ec2.on(DescribeRouteTablesCommand).callsFake(async (input: DescribeRouteTablesCommandInput) => ({
      RouteTables: this.routeTables.filter((table) =>
        matchesEc2Filters(input.Filters, table.Tags, {
          'vpc-id': [table.VpcId ?? ''],
          'association.main': [String(table.Associations?.some((association) => association.Main) === true)],
        }),
      ),
    }));
    ec2.on(CreateRouteCommand).callsFake(async (input: CreateRouteCommandInput) => {
      this.fail('CreateRoute');
      const table = this.routeTables.find((candidate) => candidate.RouteTableId === input.RouteTableId);
      table?.Routes?.push({
        DestinationCidrBlock: input.DestinationCidrBlock,
        GatewayId: input.GatewayId,
        State: 'active',
      });
      return { Return: true };
    });
    ec2.on(DescribeVpcEndpointsCommand).resolves({ VpcEndpoints: [] });
    installSecurityGroups(ec2, this);
  }
}
