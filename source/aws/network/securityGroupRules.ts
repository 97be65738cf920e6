import type { IpPermission, SecurityGroupRule } from '@aws-sdk/client-ec2';
import { CloudError } from '../../core/CloudError.js';
import { sshCidrProblem } from '../../core/network/sshCidrProblem.js';
import { TAG } from '../../core/ports.js';

/** One ingress rule, flattened from EC2's nested IpPermissions so that rule sets compare as strings. */
export interface IngressRule {
  port: number;
  source: { cidr: string } | { group: string };
  description: string;
}

export const SSH_RULE_DESCRIPTION = 'SSH for cws-tui';
export const NFS_RULE_DESCRIPTION = 'NFS between cws-tui workstations';
/** Rules the app made before it tagged them are known by these descriptions. */
const APP_RULE_DESCRIPTIONS = new Set([SSH_RULE_DESCRIPTION, NFS_RULE_DESCRIPTION]);

export function ruleKey(rule: IngressRule): string {
  return `tcp/${rule.port}-${rule.port}/${'cidr' in rule.source ? rule.source.cidr : rule.source.group}`;
}

export function existingRuleKey(rule: SecurityGroupRule): string {
  const source = rule.CidrIpv4 ?? rule.CidrIpv6 ?? rule.ReferencedGroupInfo?.GroupId ?? rule.PrefixListId;
  return `${rule.IpProtocol}/${rule.FromPort}-${rule.ToPort}/${source ?? ''}`;
}

/** A rule cws-tui added: tagged cws:managed=true, or (made before tagging) with one of its descriptions. */
export function isAppRule(rule: SecurityGroupRule): boolean {
  return (
    (rule.Tags ?? []).some((tag) => tag.Key === TAG.managed && tag.Value === 'true') ||
    APP_RULE_DESCRIPTIONS.has(rule.Description ?? '')
  );
}

export function toPermission(rule: IngressRule): IpPermission {
  const base = { IpProtocol: 'tcp', FromPort: rule.port, ToPort: rule.port };
  if ('group' in rule.source)
    return { ...base, UserIdGroupPairs: [{ GroupId: rule.source.group, Description: rule.description }] };
  const cidr = rule.source.cidr;
  return cidr.includes(':')
    ? { ...base, Ipv6Ranges: [{ CidrIpv6: cidr, Description: rule.description }] }
    : { ...base, IpRanges: [{ CidrIp: cidr, Description: rule.description }] };
}

/** A CIDR that is well formed and not the whole internet (the width limit is the profile's to enforce). */
export function checkSshCidr(cidr: string): void {
  const problem = sshCidrProblem(cidr, { force: true });
  if (!problem) return;
  const world = problem.includes('whole internet');
  throw new CloudError({
    kind: 'invalid-parameter',
    code: world ? 'SshOpenToWorld' : 'InvalidSshCidr',
    message: `${problem.charAt(0).toUpperCase()}${problem.slice(1)}.`,
    hint: 'Set the SSH CIDR of the profile to the network you connect from: cws-tui network use --ssh-cidr <cidr>.',
  });
}
