import { globCovers } from './matchesGlob.js';
import type { Policy } from './policySchema.js';

const list = (values: readonly string[]) => (values.length === 0 ? 'nothing' : values.join(', '));

/**
 * How a child policy's `analytics` section is wider than its parent's (narrowerThan's part for
 * it): more services, higher or missing caps, wider databases or buckets, another results place.
 */
export function analyticsWidening(child: Policy, parent: Policy): string[] {
  const outer = parent.analytics;
  if (!outer) return [];
  const inner = child.analytics ?? {};
  const widened: string[] = [];
  if (outer.services !== undefined) {
    const allowed = outer.services;
    if (inner.services === undefined)
      widened.push(`analytics.services: the parent allows only ${list(allowed)}, the child allows all`);
    else
      for (const service of inner.services.filter((s) => !allowed.includes(s)))
        widened.push(`analytics.services: '${service}' is not among the parent's ${list(allowed)}`);
  }
  for (const rule of ['max_bytes_per_query', 'max_bytes_per_month', 'quicksight_author_seats'] as const) {
    const cap = outer[rule];
    const mine = inner[rule];
    if (cap === undefined) continue;
    if (mine === undefined)
      widened.push(`analytics.${rule}: the parent caps it at ${cap}, the child has no cap`);
    else if (mine > cap) widened.push(`analytics.${rule}: ${mine} is above the parent's ${cap}`);
  }
  for (const rule of ['databases', 'buckets'] as const) {
    const allow = outer[rule]?.allow;
    const mine = inner[rule]?.allow;
    if (allow !== undefined) {
      if (mine === undefined)
        widened.push(`analytics.${rule}.allow: the parent allows only ${list(allow)}, the child allows all`);
      else
        for (const pattern of mine.filter((p) => !allow.some((o) => globCovers(o, p))))
          widened.push(`analytics.${rule}.allow: '${pattern}' is not within the parent's ${list(allow)}`);
    }
    const denied = inner[rule]?.deny ?? [];
    for (const pattern of outer[rule]?.deny ?? [])
      if (!denied.some((o) => globCovers(o, pattern)))
        widened.push(`analytics.${rule}.deny: the parent denies '${pattern}', the child does not`);
  }
  for (const rule of ['results_location', 'results_kms_key'] as const) {
    if (outer[rule] !== undefined && inner[rule] !== outer[rule])
      widened.push(
        `analytics.${rule}: the parent sets ${outer[rule]}, the child ${inner[rule] ?? 'does not'}`,
      );
  }
  return widened;
}
