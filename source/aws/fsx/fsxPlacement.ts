import {
  AuthorizeSecurityGroupIngressCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { CloudError } from '../../core/CloudError.js';
import type { AwsCallContext } from '../AwsCallContext.js';
import { callAws } from '../callAws.js';
import type { Ec2Network } from '../ec2Network.js';

/** Lustre's LNET port and its range for the file servers, opened only between the group's members. */
export const LUSTRE_PORTS = [
  { from: 988, to: 988 },
  { from: 1018, to: 1023 },
] as const;
export const LUSTRE_RULE_DESCRIPTION = 'Lustre between cws-tui workstations and FSx';

export interface FsxPlacement {
  subnet_id: string;
  vpc_id: string;
  vpc_cidr: string;
  security_group_id: string;
}

/**
 * Where a file system goes: the profile's subnet (the region's first default subnet without one)
 * and the workstations' security group in its VPC, so that workstations reach it and nothing else
 * does. An admin's own group is used as is (its rules are the admin's to keep).
 */
export async function resolveFsxPlacement(
  ec2: EC2Client,
  network: Ec2Network,
  region: string,
  context: (action: string) => AwsCallContext,
  choice: { subnet_id?: string; security_group_id?: string; lustre: boolean },
): Promise<FsxPlacement> {
  const described = await callAws(context('ec2:DescribeSubnets'), () =>
    ec2.send(
      new DescribeSubnetsCommand(
        choice.subnet_id
          ? { SubnetIds: [choice.subnet_id] }
          : { Filters: [{ Name: 'default-for-az', Values: ['true'] }] },
      ),
    ),
  );
  const subnet = described.Subnets?.[0];
  if (!subnet?.SubnetId || !subnet.VpcId) {
    throw new CloudError({
      kind: 'not-found',
      code: choice.subnet_id ? 'InvalidSubnetID.NotFound' : 'NoDefaultVpc',
      message: choice.subnet_id
        ? `The subnet ${choice.subnet_id} does not exist in ${region}.`
        : `${region} has no default VPC.`,
      hint: 'Choose a subnet for the profile: cws-tui network use <subnet-id>.',
    });
  }
  const vpcs = await callAws(context('ec2:DescribeVpcs'), () =>
    ec2.send(new DescribeVpcsCommand({ VpcIds: [subnet.VpcId ?? ''] })),
  );
  const vpcCidr = vpcs.Vpcs?.[0]?.CidrBlock ?? subnet.CidrBlock ?? '';
  let groupId = choice.security_group_id;
  if (!groupId) {
    groupId = (await network.findOrCreateGroup(region, subnet.VpcId)).GroupId ?? '';
    if (choice.lustre) await ensureLustreRules(ec2, groupId, context);
  }
  return { subnet_id: subnet.SubnetId, vpc_id: subnet.VpcId, vpc_cidr: vpcCidr, security_group_id: groupId };
}

/**
 * Lustre needs 988 and 1018-1023 between its file servers and its clients. Both sit in the
 * workstations' group, so a rule that references the group itself opens them to members only.
 * The rules carry their own description: the group's SSH/NFS reconciliation leaves them alone.
 */
async function ensureLustreRules(
  ec2: EC2Client,
  groupId: string,
  context: (action: string) => AwsCallContext,
): Promise<void> {
  const described = await callAws(context('ec2:DescribeSecurityGroupRules'), () =>
    ec2.send(new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'group-id', Values: [groupId] }] })),
  );
  const present = new Set(
    (described.SecurityGroupRules ?? [])
      .filter((rule) => !rule.IsEgress && rule.ReferencedGroupInfo?.GroupId === groupId)
      .map((rule) => `${rule.IpProtocol}/${rule.FromPort}-${rule.ToPort}`),
  );
  const missing = LUSTRE_PORTS.filter((range) => !present.has(`tcp/${range.from}-${range.to}`));
  if (missing.length === 0) return;
  await callAws(context('ec2:AuthorizeSecurityGroupIngress'), () =>
    ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: groupId,
        IpPermissions: missing.map((range) => ({
          IpProtocol: 'tcp',
          FromPort: range.from,
          ToPort: range.to,
          UserIdGroupPairs: [{ GroupId: groupId, Description: LUSTRE_RULE_DESCRIPTION }],
        })),
      }),
    ),
  ).catch((error: unknown) => {
    // Another session added them meanwhile.
    if (!(error instanceof CloudError && error.code === 'InvalidPermission.Duplicate')) throw error;
  });
}
