/** A subnet as `network show` lists it: public when its route table sends 0.0.0.0/0 to an internet gateway. */
export interface SubnetSummary {
  id: string;
  vpc_id: string;
  availability_zone: string;
  cidr: string;
  public: boolean;
  /** Instances launched here get a public IPv4 address without asking. */
  auto_public_ip: boolean;
  /** A 0.0.0.0/0 route through a NAT gateway: private, yet the instance reaches AWS and the internet. */
  nat: boolean;
  name?: string;
}

/** A VPC with what decides how workstations in it are reached. */
export interface VpcSummary {
  id: string;
  cidr: string;
  is_default: boolean;
  name?: string;
  /** Made by `cws-tui network create` (tagged cws:managed=true). */
  managed: boolean;
  internet_gateway: boolean;
  /** Interface endpoints for ssm, ssmmessages and ec2messages: Session Manager without internet. */
  ssm_endpoints: boolean;
  ec2_endpoint: boolean;
  subnets: SubnetSummary[];
}

export interface NetworkOverview {
  region: string;
  vpcs: VpcSummary[];
}

/** What `network create` made (or found half-made and finished). */
export interface CreatedNetwork {
  region: string;
  vpc_id: string;
  subnet_ids: string[];
  internet_gateway_id: string;
  route_table_id: string;
  /**
   * `created`: made now; `finished`: an earlier, interrupted run had made part of it and this one
   * made the rest; `existing`: it was complete already.
   */
  outcome: 'created' | 'finished' | 'existing';
  /** What this run made, in order, e.g. "subnet subnet-0a1 in us-east-1a". */
  made: string[];
}

/** The VPC `network create` makes: its address range and one public subnet per zone. */
export const CREATED_VPC_CIDR = '10.42.0.0/16';
export const CREATED_SUBNET_CIDRS = ['10.42.0.0/20', '10.42.16.0/20'] as const;
export const CREATED_NETWORK_NAME = 'cws-tui';
