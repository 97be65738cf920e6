import { formatUsdPrecise } from './formatUsdPrecise.js';
import { GLOB_RULES, isEmptyPolicy, type Policy } from './policySchema.js';

/** The policy as lines a person reads, one rule per line, in the order of the policy format. */
export function describePolicy(policy: Policy): string[] {
  if (isEmptyPolicy(policy)) return ['no rules: everything is allowed'];
  const lines: string[] = [];
  for (const rule of GLOB_RULES) {
    const value = policy[rule];
    if (!value) continue;
    const parts = [
      value.allow !== undefined ? `allow ${value.allow.join(', ') || 'nothing'}` : undefined,
      value.deny !== undefined ? `deny ${value.deny.join(', ')}` : undefined,
    ].filter((part) => part !== undefined);
    lines.push(`${rule}: ${parts.join('; ')}`);
  }
  const add = (rule: keyof Policy, text: string | undefined) => {
    if (text !== undefined) lines.push(`${rule}: ${text}`);
  };
  const atMost = (value: number | undefined, unit = '') =>
    value === undefined ? undefined : `at most ${value}${unit}`;
  add('max_vcpus', atMost(policy.max_vcpus));
  add('max_gpus', atMost(policy.max_gpus));
  add('max_memory_gib', atMost(policy.max_memory_gib, ' GiB'));
  add(
    'max_hourly_cost',
    policy.max_hourly_cost === undefined
      ? undefined
      : `at most ${formatUsdPrecise(policy.max_hourly_cost)}/h`,
  );
  add(
    'monthly_budget',
    policy.monthly_budget === undefined ? undefined : `${formatUsdPrecise(policy.monthly_budget)} a month`,
  );
  add('spot', policy.spot);
  add('hibernation', policy.hibernation);
  add('max_running_per_user', atMost(policy.max_running_per_user));
  add('service_types', policy.service_types && (policy.service_types.join(', ') || 'none'));
  add('max_ebs_gb', atMost(policy.max_ebs_gb, ' GB'));
  add('required_tags', policy.required_tags?.join(', '));
  add(
    'spot_price_basis',
    policy.spot_price_basis &&
      (policy.spot_price_basis === 'current'
        ? 'spot is held to its current price'
        : 'spot is held to the on-demand price'),
  );
  add(
    'user_templates',
    policy.user_templates === 'deny' ? 'denied: built-in templates only' : policy.user_templates,
  );
  add('allowed_groups', policy.allowed_groups && (policy.allowed_groups.join(', ') || 'none'));
  add(
    'require_globus_identity',
    policy.require_globus_identity ? 'a linked Globus identity is required' : undefined,
  );
  return lines;
}
