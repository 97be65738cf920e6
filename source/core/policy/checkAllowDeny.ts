import { matchesGlob } from './matchesGlob.js';
import type { PolicyViolation } from './PolicyVerdict.js';
import type { AllowDenyRule } from './policySchema.js';

/**
 * A value against an allow/deny pair of glob patterns, the one check every named rule uses (instance
 * types, regions, buckets, analytics workgroups...): deny wins over allow; a missing allow list
 * allows all. `rule` names the policy key in the violation, `noun` the thing in its message.
 */
export function checkAllowDeny(
  rule: string,
  noun: { one: string; many: string },
  allowDeny: AllowDenyRule,
  value: string,
): PolicyViolation | undefined {
  const denyingPattern = allowDeny.deny?.find((pattern) => matchesGlob(pattern, value));
  if (denyingPattern !== undefined) {
    return {
      rule: `${rule}.deny`,
      expected: `none of ${allowDeny.deny?.join(', ')}`,
      actual: value,
      message: `the ${noun.one} '${value}' is denied by the pattern '${denyingPattern}'`,
      unverified: false,
    };
  }
  const allow = allowDeny.allow;
  if (allow === undefined || allow.some((pattern) => matchesGlob(pattern, value))) return undefined;
  return {
    rule: `${rule}.allow`,
    expected: allow.length === 0 ? 'nothing' : `one of ${allow.join(', ')}`,
    actual: value,
    message:
      allow.length === 0
        ? `the policy allows no ${noun.many}, so '${value}' is not allowed`
        : `the ${noun.one} '${value}' matches none of the allowed patterns (${allow.join(', ')})`,
    unverified: false,
  };
}
