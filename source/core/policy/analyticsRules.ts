import type { AnalyticsPolicyRequest } from './AnalyticsPolicyRequest.js';
import { checkAllowDeny } from './checkAllowDeny.js';
import type { PolicyRule } from './PolicyRule.js';

/** The rules for an analytics action: a query, a job, a seat. */
type AnalyticsRule = PolicyRule<AnalyticsPolicyRequest>;

export const analyticsServices: AnalyticsRule = ({ policy, request, checked, violations }) => {
  const services = policy.analytics?.services;
  if (services === undefined) return;
  checked.push('analytics.services');
  if (services.includes(request.service)) return;
  const allowed = services.join(', ') || 'none';
  violations.push({
    rule: 'analytics.services',
    expected: `one of ${allowed}`,
    actual: request.service,
    message: `the policy does not allow ${request.service} (analytics services allowed: ${allowed})`,
    unverified: false,
  });
};

/** The Glue databases and S3 buckets the action touches, each against its allow/deny patterns. */
export const analyticsNames: AnalyticsRule = ({ policy, request, checked, violations }) => {
  for (const [key, noun, values] of [
    ['databases', 'database', request.databases ?? []],
    ['buckets', 'bucket', request.buckets ?? []],
  ] as const) {
    const rule = policy.analytics?.[key];
    if (!rule) continue;
    checked.push(`analytics.${key}`);
    for (const value of values) {
      const violation = checkAllowDeny(`analytics.${key}`, { one: noun, many: `${noun}s` }, rule, value);
      if (violation) violations.push(violation);
    }
  }
};

/** Athena's bytes scanned this month; unknown bytes deny, unverified, as a missing price does. */
export const athenaMonthlyBytes: AnalyticsRule = ({ policy, request, checked, violations }) => {
  const cap = policy.analytics?.max_bytes_per_month;
  if (cap === undefined || request.service !== 'athena') return;
  checked.push('analytics.max_bytes_per_month');
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
};

export const quickSightAuthorSeats: AnalyticsRule = ({ policy, request, checked, violations }) => {
  const cap = policy.analytics?.quicksight_author_seats;
  if (cap === undefined || request.author_seats === undefined) return;
  checked.push('analytics.quicksight_author_seats');
  if (request.author_seats <= cap) return;
  violations.push({
    rule: 'analytics.quicksight_author_seats',
    expected: `<= ${cap} authors`,
    actual: `${request.author_seats} authors`,
    message: `that makes ${request.author_seats} QuickSight authors, more than the ${cap} the policy allows`,
    unverified: false,
  });
};
