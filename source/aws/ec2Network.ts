import { isIP } from 'node:net';
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DescribeKeyPairsCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  type EC2Client,
  ImportKeyPairCommand,
  type IpPermission,
  RevokeSecurityGroupIngressCommand,
  type SecurityGroup,
} from '@aws-sdk/client-ec2';
import { CloudError } from '../core/CloudError.js';
import { type NetworkPort, TAG } from '../core/ports.js';
import { callAws } from './callAws.js';

export const WORKSTATION_GROUP_NAME = 'cws-tui-workstations';
const SSH_PORT = 22;
const NFS_PORT = 2049;
/** EC2 imports only these key types. */
const IMPORTABLE_KEY = /^(ssh-ed25519|ssh-rsa) [A-Za-z0-9+/]+={0,3}(\s|$)/;

export interface Ec2NetworkOptions {
  ec2: (region: string) => EC2Client;
  profile?: string;
}

/** One ingress rule, flattened from EC2's nested IpPermissions so that rule sets compare as strings. */
interface IngressRule {
  port: number;
  source: { cidr: string } | { group: string };
}

function ruleKey(rule: IngressRule): string {
  return `tcp/${rule.port}/${'cidr' in rule.source ? rule.source.cidr : rule.source.group}`;
}

function toPermission(rule: IngressRule): IpPermission {
  const base = { IpProtocol: 'tcp', FromPort: rule.port, ToPort: rule.port };
  if ('group' in rule.source) return { ...base, UserIdGroupPairs: [{ GroupId: rule.source.group }] };
  const cidr = rule.source.cidr;
  return cidr.includes(':')
    ? { ...base, Ipv6Ranges: [{ CidrIpv6: cidr, Description: 'SSH for cws-tui' }] }
    : { ...base, IpRanges: [{ CidrIp: cidr, Description: 'SSH for cws-tui' }] };
}

/** Every rule of a group, any protocol: what is not wanted is revoked exactly as it was granted. */
function existingRules(group: SecurityGroup): { key: string; permission: IpPermission }[] {
  return (group.IpPermissions ?? []).flatMap((permission) => {
    const base = {
      IpProtocol: permission.IpProtocol,
      FromPort: permission.FromPort,
      ToPort: permission.ToPort,
    };
    const key = (source: string) =>
      permission.IpProtocol === 'tcp' && permission.FromPort === permission.ToPort
        ? `tcp/${permission.FromPort}/${source}`
        : `${permission.IpProtocol}/${permission.FromPort}-${permission.ToPort}/${source}`;
    return [
      ...(permission.IpRanges ?? []).map((range) => ({
        key: key(range.CidrIp ?? ''),
        permission: { ...base, IpRanges: [{ CidrIp: range.CidrIp }] },
      })),
      ...(permission.Ipv6Ranges ?? []).map((range) => ({
        key: key(range.CidrIpv6 ?? ''),
        permission: { ...base, Ipv6Ranges: [{ CidrIpv6: range.CidrIpv6 }] },
      })),
      ...(permission.UserIdGroupPairs ?? []).map((pair) => ({
        key: key(pair.GroupId ?? ''),
        permission: { ...base, UserIdGroupPairs: [{ GroupId: pair.GroupId }] },
      })),
      ...(permission.PrefixListIds ?? []).map((list) => ({
        key: key(list.PrefixListId ?? ''),
        permission: { ...base, PrefixListIds: [{ PrefixListId: list.PrefixListId }] },
      })),
    ];
  });
}

/** A CIDR that is well formed and not the whole internet. */
export function checkSshCidr(cidr: string): void {
  const [address = '', prefix = '', extra] = cidr.split('/');
  const family = isIP(address);
  const bits = Number(prefix);
  const valid =
    extra === undefined && family !== 0 && /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
  if (!valid) {
    throw new CloudError({
      kind: 'invalid-parameter',
      code: 'InvalidSshCidr',
      message: `"${cidr}" is not a CIDR block (expected e.g. 203.0.113.0/24 or 2001:db8::/48).`,
      hint: 'Set the SSH CIDR of the profile to the network you connect from.',
    });
  }
  if (bits === 0) {
    throw new CloudError({
      kind: 'invalid-parameter',
      code: 'SshOpenToWorld',
      message: `SSH from ${cidr} would open the workstations to the whole internet.`,
      hint: 'Use the network you connect from (e.g. your campus range), or no CIDR at all: Session Manager needs no inbound rule.',
    });
  }
}

/**
 * The workstations' network: one security group per VPC that opens nothing to the world (SSH only
 * from the configured CIDR, NFS only between members for EFS, web ports never: they go through
 * tunnels), and the research users' public keys as key pairs.
 */
export class Ec2Network implements NetworkPort {
  private readonly groups = new Map<string, Promise<string>>();
  private readonly keyPairs = new Map<string, Promise<string>>();

  constructor(private readonly options: Ec2NetworkOptions) {}

  private context(action: string, region: string) {
    return { action, region, ...(this.options.profile ? { profile: this.options.profile } : {}) };
  }

  async ensureSecurityGroup(
    region: string,
    options: { ssh_cidr?: string; subnet_id?: string },
  ): Promise<string> {
    if (options.ssh_cidr) checkSshCidr(options.ssh_cidr);
    const key = `${region}/${options.subnet_id ?? 'default'}/${options.ssh_cidr ?? ''}`;
    let pending = this.groups.get(key);
    if (!pending) {
      pending = this.reconcileGroup(region, options);
      pending.catch(() => this.groups.delete(key));
      this.groups.set(key, pending);
    }
    return pending;
  }

  private async reconcileGroup(
    region: string,
    options: { ssh_cidr?: string; subnet_id?: string },
  ): Promise<string> {
    const vpcId = await this.vpcFor(region, options.subnet_id);
    const group = await this.findOrCreateGroup(region, vpcId);
    const groupId = group.GroupId ?? '';
    const wanted: IngressRule[] = [
      { port: NFS_PORT, source: { group: groupId } },
      ...(options.ssh_cidr ? [{ port: SSH_PORT, source: { cidr: options.ssh_cidr } }] : []),
    ];
    const wantedKeys = new Set(wanted.map(ruleKey));
    const existing = existingRules(group);
    const existingKeys = new Set(existing.map((rule) => rule.key));
    const unwanted = existing.filter((rule) => !wantedKeys.has(rule.key)).map((rule) => rule.permission);
    const missing = wanted.filter((rule) => !existingKeys.has(ruleKey(rule))).map(toPermission);
    const client = this.options.ec2(region);
    if (unwanted.length > 0) {
      await callAws(this.context('ec2:RevokeSecurityGroupIngress', region), () =>
        client.send(new RevokeSecurityGroupIngressCommand({ GroupId: groupId, IpPermissions: unwanted })),
      );
    }
    if (missing.length > 0) {
      await callAws(this.context('ec2:AuthorizeSecurityGroupIngress', region), () =>
        client.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: groupId, IpPermissions: missing })),
      ).catch((error: unknown) => {
        // Another bastion added the same rule a moment ago.
        if (!(error instanceof CloudError && error.code === 'InvalidPermission.Duplicate')) throw error;
      });
    }
    return groupId;
  }

  /** The VPC of the configured subnet, or the region's default VPC. */
  async vpcFor(region: string, subnetId: string | undefined): Promise<string> {
    const client = this.options.ec2(region);
    if (subnetId) {
      const response = await callAws(this.context('ec2:DescribeSubnets', region), () =>
        client.send(new DescribeSubnetsCommand({ SubnetIds: [subnetId] })),
      );
      const vpcId = response.Subnets?.[0]?.VpcId;
      if (vpcId) return vpcId;
      throw new CloudError({
        kind: 'not-found',
        code: 'InvalidSubnetID.NotFound',
        message: `The subnet ${subnetId} does not exist in ${region}.`,
        hint: 'Check the subnet configured in the profile, and its region.',
      });
    }
    const response = await callAws(this.context('ec2:DescribeVpcs', region), () =>
      client.send(new DescribeVpcsCommand({ Filters: [{ Name: 'isDefault', Values: ['true'] }] })),
    );
    const vpcId = response.Vpcs?.[0]?.VpcId;
    if (vpcId) return vpcId;
    throw new CloudError({
      kind: 'not-found',
      code: 'NoDefaultVpc',
      message: `${region} has no default VPC.`,
      hint: 'Configure a subnet in the profile, or create a default VPC (`aws ec2 create-default-vpc`).',
    });
  }

  private async findGroup(region: string, vpcId: string): Promise<SecurityGroup | undefined> {
    const response = await callAws(this.context('ec2:DescribeSecurityGroups', region), () =>
      this.options.ec2(region).send(
        new DescribeSecurityGroupsCommand({
          Filters: [
            { Name: 'group-name', Values: [WORKSTATION_GROUP_NAME] },
            { Name: 'vpc-id', Values: [vpcId] },
            { Name: `tag:${TAG.managed}`, Values: ['true'] },
          ],
        }),
      ),
    );
    return response.SecurityGroups?.[0];
  }

  /** The group itself, created once with its tags; EFS mount targets join it too. */
  async findOrCreateGroup(region: string, vpcId: string): Promise<SecurityGroup> {
    const found = await this.findGroup(region, vpcId);
    if (found) return found;
    try {
      const created = await callAws(this.context('ec2:CreateSecurityGroup', region), () =>
        this.options.ec2(region).send(
          new CreateSecurityGroupCommand({
            GroupName: WORKSTATION_GROUP_NAME,
            Description: 'cws-tui workstations: SSH from the configured network only, NFS between members',
            VpcId: vpcId,
            TagSpecifications: [
              {
                ResourceType: 'security-group',
                Tags: [
                  { Key: TAG.managed, Value: 'true' },
                  { Key: TAG.name, Value: WORKSTATION_GROUP_NAME },
                ],
              },
            ],
          }),
        ),
      );
      return {
        GroupId: created.GroupId ?? '',
        GroupName: WORKSTATION_GROUP_NAME,
        VpcId: vpcId,
        IpPermissions: [],
      };
    } catch (error) {
      if (!(error instanceof CloudError && error.code === 'InvalidGroup.Duplicate')) throw error;
    }
    // Another bastion created it between our lookup and our create; or someone else's group has the name.
    const raced = await this.findGroup(region, vpcId);
    if (raced) return raced;
    throw new CloudError({
      kind: 'conflict',
      code: 'InvalidGroup.Duplicate',
      message: `A security group named ${WORKSTATION_GROUP_NAME} already exists in ${vpcId} (${region}) but was not created by cws-tui.`,
      hint: `Rename or delete that group, or tag it ${TAG.managed}=true to let cws-tui manage its rules.`,
    });
  }

  ensureKeyPair(region: string, name: string, publicKey: string): Promise<string> {
    const key = `${region}/${name}`;
    let pending = this.keyPairs.get(key);
    if (!pending) {
      pending = this.importKeyPair(region, name, publicKey.trim());
      pending.catch(() => this.keyPairs.delete(key));
      this.keyPairs.set(key, pending);
    }
    return pending;
  }

  private async importKeyPair(region: string, name: string, publicKey: string): Promise<string> {
    if (!IMPORTABLE_KEY.test(publicKey)) {
      throw new CloudError({
        kind: 'invalid-parameter',
        code: 'InvalidKeyPair.Format',
        message: `The public key for ${name} is not an OpenSSH ed25519 or RSA key (EC2 imports no other kind).`,
        hint: 'Generate one with `ssh-keygen -t ed25519` and give the research user the .pub line.',
      });
    }
    const client = this.options.ec2(region);
    try {
      await callAws(this.context('ec2:ImportKeyPair', region), () =>
        client.send(
          new ImportKeyPairCommand({
            KeyName: name,
            PublicKeyMaterial: new TextEncoder().encode(publicKey),
            TagSpecifications: [
              {
                ResourceType: 'key-pair',
                Tags: [
                  { Key: TAG.managed, Value: 'true' },
                  { Key: TAG.name, Value: name },
                ],
              },
            ],
          }),
        ),
      );
      return name;
    } catch (error) {
      if (!(error instanceof CloudError && error.code === 'InvalidKeyPair.Duplicate')) throw error;
    }
    const described = await callAws(this.context('ec2:DescribeKeyPairs', region), () =>
      client.send(new DescribeKeyPairsCommand({ KeyNames: [name], IncludePublicKey: true })),
    );
    // Compare type and key body; the comment EC2 keeps may differ.
    const body = (key: string) => key.trim().split(/\s+/).slice(0, 2).join(' ');
    const stored = described.KeyPairs?.[0]?.PublicKey;
    if (stored !== undefined && body(stored) !== body(publicKey)) {
      throw new CloudError({
        kind: 'conflict',
        code: 'InvalidKeyPair.Duplicate',
        message: `A key pair named ${name} already exists in ${region} with a different public key.`,
        hint: `Delete the key pair ${name} in ${region} (EC2 > Key pairs) if it is stale, then retry.`,
      });
    }
    return name;
  }
}
