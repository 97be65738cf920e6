import type { AnalyticsPolicyRequest } from './AnalyticsPolicyRequest.js';
import { checkGlobRule } from './checkGlobRule.js';
import { matchesGlob } from './matchesGlob.js';
import type { PolicyVerdict, PolicyViolation } from './PolicyVerdict.js';
import type { AllowDenyRule, Policy } from './policySchema.js';

function namedRule(
  rule: string,
  noun: string,
  allowDeny: AllowDenyRule,
  value: string,
): PolicyViolation | undefined {
  const denying = allowDeny.deny?.find((pattern) => matchesGlob(pattern, value));
  if (denying !== undefined) {
    return {
      rule: `${rule}.deny`,
      expected: `none of ${allowDeny.deny?.join(', ')}`,
      actual: value,
      message: `the ${noun} '${value}' is denied by the pattern '${denying}'`,
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
        ? `the policy allows no ${noun}s, so '${value}' is not allowed`
        : `the ${noun} '${value}' matches none of the allowed patterns (${allow.join(', ')})`,
    unverified: false,
  };
}

/**
 * The policy's verdict on an analytics action (evaluatePolicy's branch for them): the service, the
 * region, the databases and buckets it touches, the month's bytes scanned and QuickSight author
 * seats. A cap whose fact is missing denies, as for launches.
 */
export function evaluateAnalyticsRequest(policy: Policy, request: AnalyticsPolicyRequest): PolicyVerdict {
  const violations: PolicyViolation[] = [];
  const checked: string[] = [];
  const rules = policy.analytics;
  if (policy.regions) {
    checked.push('regions');
    const violation = checkGlobRule('regions', policy.regions, request.region);
    if (violation) violations.push(violation);
  }
  if (rules?.services !== undefined) {
    checked.push('analytics.services');
    if (!rules.services.includes(request.service)) {
      const allowed = rules.services.join(', ') || 'none';
      violations.push({
        rule: 'analytics.services',
        expected: `one of ${allowed}`,
        actual: request.service,
        message: `the policy does not allow ${request.service} (analytics services allowed: ${allowed})`,
        unverified: false,
      });
    }
  }
  for (const [key, noun, values] of [
    ['databases', 'database', request.databases ?? []],
    ['buckets', 'bucket', request.buckets ?? []],
  ] as const) {
    const rule = rules?.[key];
    if (!rule) continue;
    checked.push(`analytics.${key}`);
    for (const value of values) {
      const violation = namedRule(`analytics.${key}`, noun, rule, value);
      if (violation) violations.push(violation);
    }
  }
  if (rules?.max_bytes_per_month !== undefined && request.service === 'athena') {
    checked.push('analytics.max_bytes_per_month');
    const cap = rules.max_bytes_per_month;
    if (request.month_bytes_scanned === undefined) {
      violations.push({
        rule: 'analytics.max_bytes_per_month',
        expected: `<= ${cap} bytes this month`,
        actual: 'unknown',
        message: `the policy caps Athena at ${cap} bytes a month, but this month's bytes scanned are unknown`,
        unverified: true,
      });
    } else if (request.month_bytes_scanned >= cap) {
      violations.push({
        rule: 'analytics.max_bytes_per_month',
        expected: `< ${cap} bytes this month`,
        actual: `${request.month_bytes_scanned} bytes`,
        message: `Athena has scanned ${request.month_bytes_scanned} bytes this month, which uses up the policy's ${cap}`,
        unverified: false,
      });
    }
  }
  if (rules?.quicksight_author_seats !== undefined && request.author_seats !== undefined) {
    checked.push('analytics.quicksight_author_seats');
    if (request.author_seats > rules.quicksight_author_seats) {
      violations.push({
        rule: 'analytics.quicksight_author_seats',
        expected: `<= ${rules.quicksight_author_seats} authors`,
        actual: `${request.author_seats} authors`,
        message: `that makes ${request.author_seats} QuickSight authors, more than the ${rules.quicksight_author_seats} the policy allows`,
        unverified: false,
      });
    }
  }
  return { allowed: violations.length === 0, violations, suggestions: [], checked, notes: [] };
}
