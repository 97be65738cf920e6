import { matchesGlob } from './matchesGlob.js';
import type { PolicyViolation } from './PolicyVerdict.js';
import type { AllowDenyRule, GlobRule } from './policySchema.js';

const NOUNS: Record<GlobRule, { one: string; many: string }> = {
  templates: { one: 'template', many: 'templates' },
  instance_types: { one: 'instance type', many: 'instance types' },
  regions: { one: 'region', many: 'regions' },
  s3_file_buckets: { one: 'S3 bucket', many: 'S3 buckets' },
};

/** Checks a value against an allow/deny pair: deny wins over allow; a missing allow list allows all. */
export function checkGlobRule(
  rule: GlobRule,
  allowDeny: AllowDenyRule | undefined,
  value: string,
): PolicyViolation | undefined {
  if (!allowDeny) return undefined;
  const noun = NOUNS[rule];
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
