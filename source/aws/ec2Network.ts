import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DescribeKeyPairsCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  type EC2Client,
  ImportKeyPairCommand,
  RevokeSecurityGroupIngressCommand,
  type SecurityGroup,
} from '@aws-sdk/client-ec2';
import { CloudError } from '../core/CloudError.js';
import { leftHalfMade } from '../core/leftHalfMade.js';
import type { NetworkChoice } from '../core/network/NetworkChoice.js';
import type { CreatedNetwork, NetworkOverview } from '../core/network/NetworkOverview.js';
import { noDefaultVpcError, unknownSubnetError } from '../core/network/networkErrors.js';
import { type NetworkPort, TAG } from '../core/ports.js';
import { callAws } from './callAws.js';
import { createEc2Network } from './network/createEc2Network.js';
import { describeEc2Networks } from './network/describeEc2Networks.js';
import {
  checkSshCidr,
  existingRuleKey,
  type IngressRule,
  isAppRule,
  NFS_RULE_DESCRIPTION,
  ruleKey,
  SSH_RULE_DESCRIPTION,
  toPermission,
} from './network/securityGroupRules.js';

export { checkSshCidr } from './network/securityGroupRules.js';

export const WORKSTATION_GROUP_NAME = 'cws-tui-workstations';
const SSH_PORT = 22;
const NFS_PORT = 2049;
/** EC2 imports only these key types. */
const IMPORTABLE_KEY = /^(ssh-ed25519|ssh-rsa) [A-Za-z0-9+/]+={0,3}(\s|$)/;

export interface Ec2NetworkOptions {
  ec2: (region: string) => EC2Client;
  profile?: string;
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

  async ensureSecurityGroup(region: string, options: NetworkChoice): Promise<string> {
    if (options.security_group_id) return options.security_group_id;
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

  describeNetworks(region: string): Promise<NetworkOverview> {
    return describeEc2Networks(this.options.ec2(region), region, this.context.bind(this));
  }

  createNetwork(region: string): Promise<CreatedNetwork> {
    return createEc2Network(this.options.ec2(region), region, this.context.bind(this));
  }

  /**
   * Adds the rules the launch needs and removes only the app's own that it no longer needs (an
   * SSH range the profile dropped). Rules an admin added by hand are never touched.
   */
  private async reconcileGroup(region: string, options: NetworkChoice): Promise<string> {
    const vpcId = await this.vpcFor(region, options.subnet_id);
    const group = await this.findOrCreateGroup(region, vpcId);
    const groupId = group.GroupId ?? '';
    const wanted: IngressRule[] = [
      { port: NFS_PORT, source: { group: groupId }, description: NFS_RULE_DESCRIPTION },
      ...(options.ssh_cidr
        ? [{ port: SSH_PORT, source: { cidr: options.ssh_cidr }, description: SSH_RULE_DESCRIPTION }]
        : []),
    ];
    const client = this.options.ec2(region);
    const described = await callAws(this.context('ec2:DescribeSecurityGroupRules', region), () =>
      client.send(
        new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'group-id', Values: [groupId] }] }),
      ),
    );
    const ingress = (described.SecurityGroupRules ?? []).filter((rule) => !rule.IsEgress);
    const wantedKeys = new Set(wanted.map(ruleKey));
    const existingKeys = new Set(ingress.map(existingRuleKey));
    const unwanted = ingress
      .filter((rule) => isAppRule(rule) && !wantedKeys.has(existingRuleKey(rule)))
      .flatMap((rule) => (rule.SecurityGroupRuleId ? [rule.SecurityGroupRuleId] : []));
    const missing = wanted.filter((rule) => !existingKeys.has(ruleKey(rule))).map(toPermission);
    if (unwanted.length > 0) {
      await callAws(this.context('ec2:RevokeSecurityGroupIngress', region), () =>
        client.send(
          new RevokeSecurityGroupIngressCommand({ GroupId: groupId, SecurityGroupRuleIds: unwanted }),
        ),
      );
    }
    if (missing.length > 0) {
      await callAws(this.context('ec2:AuthorizeSecurityGroupIngress', region), () =>
        client.send(
          new AuthorizeSecurityGroupIngressCommand({
            GroupId: groupId,
            IpPermissions: missing,
            TagSpecifications: [
              { ResourceType: 'security-group-rule', Tags: [{ Key: TAG.managed, Value: 'true' }] },
            ],
          }),
        ),
      ).catch((error: unknown) => {
        // Another bastion added the same rule a moment ago.
        if (error instanceof CloudError && error.code === 'InvalidPermission.Duplicate') return;
        const ports = missing.map((permission) => permission.FromPort).join(' and ');
        throw leftHalfMade(
          error,
          `The security group ${groupId} is left without its rules for ${missing.length > 1 ? 'ports' : 'port'} ${ports}; nothing was removed.`,
          'The next launch adds it (the group is kept and its rules completed).',
        );
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
      ).catch((error: unknown) => {
        if (error instanceof CloudError && error.code === 'InvalidSubnetID.NotFound')
          throw unknownSubnetError(region, subnetId);
        throw error;
      });
      const vpcId = response.Subnets?.[0]?.VpcId;
      if (vpcId) return vpcId;
      throw unknownSubnetError(region, subnetId);
    }
    const response = await callAws(this.context('ec2:DescribeVpcs', region), () =>
      client.send(new DescribeVpcsCommand({ Filters: [{ Name: 'isDefault', Values: ['true'] }] })),
    );
    const vpcId = response.Vpcs?.[0]?.VpcId;
    if (vpcId) return vpcId;
    throw noDefaultVpcError(region);
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
