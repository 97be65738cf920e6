/**
 * Where a profile's workstations go in one region: the subnet (and its VPC's security group) that
 * `network use` recorded, and the network SSH is allowed from. Nothing recorded means the
 * region's default VPC and no inbound SSH at all.
 */
export interface NetworkChoice {
  subnet_id?: string;
  /** An admin's own security group, used as is instead of the app's. */
  security_group_id?: string;
  /** SSH is allowed from this CIDR only; without one, Session Manager is the way in. */
  ssh_cidr?: string;
}
