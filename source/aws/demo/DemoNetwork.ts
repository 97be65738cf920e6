import type { NetworkChoice } from '../../core/network/NetworkChoice.js';
import {
  CREATED_NETWORK_NAME,
  CREATED_SUBNET_CIDRS,
  CREATED_VPC_CIDR,
  type CreatedNetwork,
  type NetworkOverview,
  type VpcSummary,
} from '../../core/network/NetworkOverview.js';
import { noDefaultVpcError, unknownSubnetError } from '../../core/network/networkErrors.js';
import type { NetworkPort } from '../../core/ports.js';
import type { DemoStore } from './DemoStore.js';
import { demoIdFor } from './demoIds.js';
import type { DemoNetworkState } from './demoState.js';

/** Default VPCs use 172.31.0.0/16 and one /20 per zone, as AWS makes them. */
const DEFAULT_ZONES = ['a', 'b', 'c'];

/**
 * The demo account's network: a default VPC in every region (unless the no-default-vpc fault
 * removes it, as a landing zone does), and the VPCs `network create` made, kept in the state file.
 */
export class DemoNetwork implements NetworkPort {
  constructor(
    private readonly store: DemoStore,
    private readonly noDefaultVpcRegions: readonly string[] = [],
  ) {}

  async ensureSecurityGroup(region: string, options: NetworkChoice = {}): Promise<string> {
    if (options.security_group_id) return options.security_group_id;
    const overview = await this.describeNetworks(region);
    const vpc = options.subnet_id
      ? overview.vpcs.find((candidate) => candidate.subnets.some((subnet) => subnet.id === options.subnet_id))
      : overview.vpcs.find((candidate) => candidate.is_default);
    if (!vpc) {
      throw options.subnet_id ? unknownSubnetError(region, options.subnet_id) : noDefaultVpcError(region);
    }
    return this.store.update((state) => {
      const key = vpc.is_default ? region : `${region}/${vpc.id}`;
      const existing = state.security_groups[key];
      if (existing) return existing;
      const id = demoIdFor('sg', state.account, state.next_serial++);
      state.security_groups[key] = id;
      return id;
    });
  }

  async ensureKeyPair(region: string, name: string, publicKey: string): Promise<string> {
    return this.store.update((state) => {
      state.key_pairs[`${region}/${name}`] = publicKey;
      return name;
    });
  }

  async describeNetworks(region: string): Promise<NetworkOverview> {
    const state = await this.store.read();
    const created = state.networks.filter((network) => network.region === region).map(createdVpc);
    const vpcs = this.noDefaultVpcRegions.includes(region)
      ? created
      : [defaultVpc(region, state.account), ...created];
    return { region, vpcs };
  }

  async createNetwork(region: string): Promise<CreatedNetwork> {
    return this.store.update((state) => {
      const found = state.networks.find((network) => network.region === region);
      if (found) return { ...toCreated(found), outcome: 'existing', made: [] };
      const next = (prefix: string) => demoIdFor(prefix, state.account, state.next_serial++);
      const network: DemoNetworkState = {
        region,
        vpc_id: next('vpc'),
        subnets: CREATED_SUBNET_CIDRS.map((cidr, index) => ({
          id: next('subnet'),
          availability_zone: `${region}${DEFAULT_ZONES[index]}`,
          cidr,
        })),
        internet_gateway_id: next('igw'),
        route_table_id: next('rtb'),
      };
      state.networks.push(network);
      return {
        ...toCreated(network),
        outcome: 'created',
        made: [
          `VPC ${network.vpc_id} (${CREATED_VPC_CIDR})`,
          ...network.subnets.map((subnet) => `subnet ${subnet.id} in ${subnet.availability_zone}`),
          `internet gateway ${network.internet_gateway_id}`,
          `route 0.0.0.0/0 to ${network.internet_gateway_id} in ${network.route_table_id}`,
        ],
      };
    });
  }
}

function toCreated(network: DemoNetworkState): Omit<CreatedNetwork, 'outcome' | 'made'> {
  return {
    region: network.region,
    vpc_id: network.vpc_id,
    subnet_ids: network.subnets.map((subnet) => subnet.id),
    internet_gateway_id: network.internet_gateway_id,
    route_table_id: network.route_table_id,
  };
}

function createdVpc(network: DemoNetworkState): VpcSummary {
  return {
    id: network.vpc_id,
    cidr: CREATED_VPC_CIDR,
    is_default: false,
    name: CREATED_NETWORK_NAME,
    managed: true,
    internet_gateway: true,
    ssm_endpoints: false,
    ec2_endpoint: false,
    subnets: network.subnets.map((subnet) => ({
      id: subnet.id,
      vpc_id: network.vpc_id,
      availability_zone: subnet.availability_zone,
      cidr: subnet.cidr,
      public: true,
      auto_public_ip: true,
      nat: false,
      name: `${CREATED_NETWORK_NAME}-${subnet.availability_zone}`,
    })),
  };
}

/** The region's default VPC, derived from the region so that it never needs storing. */
function defaultVpc(region: string, account: string): VpcSummary {
  const serial = [...region].reduce((sum, char) => sum * 31 + char.charCodeAt(0), 7) % 1_000_000;
  const vpcId = demoIdFor('vpc', `${account}/default`, serial);
  return {
    id: vpcId,
    cidr: '172.31.0.0/16',
    is_default: true,
    managed: false,
    internet_gateway: true,
    ssm_endpoints: false,
    ec2_endpoint: false,
    subnets: DEFAULT_ZONES.map((zone, index) => ({
      id: demoIdFor('subnet', `${account}/default/${region}`, index),
      vpc_id: vpcId,
      availability_zone: `${region}${zone}`,
      cidr: `172.31.${index * 16}.0/20`,
      public: true,
      auto_public_ip: true,
      nat: false,
    })),
  };
}
