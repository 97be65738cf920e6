import { checkAllowDeny } from './checkAllowDeny.js';
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
  return checkAllowDeny(rule, NOUNS[rule], allowDeny, value);
}
