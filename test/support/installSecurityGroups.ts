import {
  AuthorizeSecurityGroupIngressCommand,
  type AuthorizeSecurityGroupIngressCommandInput,
  CreateSecurityGroupCommand,
  type CreateSecurityGroupCommandInput,
  DescribeKeyPairsCommand,
  type DescribeKeyPairsCommandInput,
  DescribeSecurityGroupRulesCommand,
  type DescribeSecurityGroupRulesCommandInput,
  DescribeSecurityGroupsCommand,
  type DescribeSecurityGroupsCommandInput,
  ImportKeyPairCommand,
  type ImportKeyPairCommandInput,
  RevokeSecurityGroupIngressCommand,
  type RevokeSecurityGroupIngressCommandInput,
  type SecurityGroupRule,
  type Tag,
} from '@aws-sdk/client-ec2';
import { awsServiceError } from '../aws/awsServiceError.js';
import { type Ec2Stub, matchesEc2Filters } from './matchesEc2Filters.js';

/** The state of a scripted network that its groups, rules and key pairs live in. */
interface GroupState {
  groups: Array<{ GroupId: string; GroupName: string; VpcId: string; Tags: Tag[] }>;
  rules: SecurityGroupRule[];
  keyPairs: string[];
  id(prefix: string): string;
}

/** The scripted network's security groups, their rules (by id, tagged) and key pairs. */
export function installSecurityGroups(ec2: Ec2Stub, network: GroupState): void {
  ec2.on(DescribeSecurityGroupsCommand).callsFake(async (input: DescribeSecurityGroupsCommandInput) => ({
    SecurityGroups: network.groups.filter((group) =>
      matchesEc2Filters(input.Filters, group.Tags, {
        'group-name': [group.GroupName],
        'vpc-id': [group.VpcId],
      }),
    ),
  }));
  ec2.on(CreateSecurityGroupCommand).callsFake(async (input: CreateSecurityGroupCommandInput) => {
    if (input.DryRun) {
      throw awsServiceError('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
    }
    if (!input.VpcId) {
      throw awsServiceError(
        'VPCIdNotSpecified',
        'No default VPC for this user. GroupName is only supported for EC2-Classic and default VPC.',
      );
    }
    const group = {
      GroupId: network.id('sg'),
      GroupName: input.GroupName ?? '',
      VpcId: input.VpcId,
      Tags: input.TagSpecifications?.[0]?.Tags ?? [],
    };
    network.groups.push(group);
    return { GroupId: group.GroupId, Tags: group.Tags };
  });
  ec2
    .on(DescribeSecurityGroupRulesCommand)
    .callsFake(async (input: DescribeSecurityGroupRulesCommandInput) => {
      const groupIds = input.Filters?.find((filter) => filter.Name === 'group-id')?.Values ?? [];
      return { SecurityGroupRules: network.rules.filter((rule) => groupIds.includes(rule.GroupId ?? '')) };
    });
  ec2
    .on(AuthorizeSecurityGroupIngressCommand)
    .callsFake(async (input: AuthorizeSecurityGroupIngressCommandInput) => {
      for (const permission of input.IpPermissions ?? []) {
        const sources = [
          ...(permission.IpRanges ?? []).map((range) => ({
            CidrIpv4: range.CidrIp,
            Description: range.Description,
          })),
          ...(permission.UserIdGroupPairs ?? []).map((pair) => ({
            ReferencedGroupInfo: { GroupId: pair.GroupId },
            Description: pair.Description,
          })),
        ];
        for (const source of sources) {
          network.rules.push({
            SecurityGroupRuleId: network.id('sgr'),
            GroupId: input.GroupId,
            IsEgress: false,
            IpProtocol: permission.IpProtocol,
            FromPort: permission.FromPort,
            ToPort: permission.ToPort,
            Tags: input.TagSpecifications?.[0]?.Tags ?? [],
            ...source,
          });
        }
      }
      return { Return: true };
    });
  ec2
    .on(RevokeSecurityGroupIngressCommand)
    .callsFake(async (input: RevokeSecurityGroupIngressCommandInput) => {
      for (const id of input.SecurityGroupRuleIds ?? []) {
        const index = network.rules.findIndex((rule) => rule.SecurityGroupRuleId === id);
        if (index >= 0) network.rules.splice(index, 1);
      }
      return { Return: true };
    });
  ec2.on(DescribeKeyPairsCommand).callsFake(async (input: DescribeKeyPairsCommandInput) => {
    const names = (input.KeyNames ?? []).filter((name) => network.keyPairs.includes(name));
    if (input.KeyNames && names.length === 0) {
      throw awsServiceError('InvalidKeyPair.NotFound', `The key pair '${input.KeyNames[0]}' does not exist`);
    }
    return { KeyPairs: names.map((KeyName) => ({ KeyName, KeyPairId: network.id('key') })) };
  });
  ec2.on(ImportKeyPairCommand).callsFake(async (input: ImportKeyPairCommandInput) => {
    network.keyPairs.push(input.KeyName ?? '');
    return { KeyName: input.KeyName, KeyPairId: network.id('key') };
  });
}
