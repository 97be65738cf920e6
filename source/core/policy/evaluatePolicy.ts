import { isStoragePolicyRequest, type StoragePolicyRequest } from '../fsx/storagePolicySchema.js';
import { evaluateStorageRequest } from '../fsx/storagePolicyViolations.js';
import { type AnalyticsPolicyRequest, isAnalyticsPolicyRequest } from './AnalyticsPolicyRequest.js';
import { bigDataViolations } from './bigDataViolations.js';
import { checkGlobRule } from './checkGlobRule.js';
import { evaluateAnalyticsRequest } from './evaluateAnalyticsRequest.js';
import { formatUsdPrecise } from './formatUsdPrecise.js';
import { globusIdentityViolations } from './globusIdentityViolations.js';
import { hpcViolations } from './hpcViolations.js';
import type { PolicyContext } from './PolicyContext.js';
import type { PolicyRequest } from './PolicyRequest.js';
import type { PolicySuggestion, PolicyVerdict, PolicyViolation } from './PolicyVerdict.js';
import { isEmptyPolicy, type Policy } from './policySchema.js';
import { s3FileBucketViolations } from './s3FileBucketViolations.js';
import { suggestInstanceTypes } from './suggestInstanceTypes.js';
import { templateApprovalViolations } from './templateApprovalViolations.js';
import { templateComplianceViolations } from './templateComplianceViolations.js';
import { templateOriginViolations } from './templateOriginViolations.js';
import { templateVerificationViolations } from './templateVerificationViolations.js';

/** Rules an instance-type suggestion can fix. */
const INSTANCE_TYPE_RULES = new Set([
  'instance_types.allow',
  'instance_types.deny',
  'max_vcpus',
  'max_gpus',
  'max_memory_gib',
  'max_hourly_cost',
]);

export const EMPTY_POLICY_NOTE = 'the policy is empty: everything is allowed';

/**
 * Decides whether a policy allows a launch request, given the facts the caller supplies. Pure: it
 * looks nothing up. Deny patterns win over allow patterns. A rule that needs a fact the context
 * lacks (a price, the instance type's size, the month's spend, the running count) DENIES with an
 * `unverified` violation: an unknown price must never slip past a cost cap.
 */
export function evaluatePolicy(
  policy: Policy,
  request: PolicyRequest | AnalyticsPolicyRequest | StoragePolicyRequest,
  context: PolicyContext,
): PolicyVerdict {
  if (isAnalyticsPolicyRequest(request)) return evaluateAnalyticsRequest(policy, request);
  if (isStoragePolicyRequest(request)) return evaluateStorageRequest(policy, request);
  const violations: PolicyViolation[] = [];
  const suggestions: PolicySuggestion[] = [];
  const checked: string[] = [];
  const deny = (violation: Omit<PolicyViolation, 'unverified'>, unverified = false) => {
    violations.push({ ...violation, unverified });
  };
  const info = context.instance_type_info;
  const type = request.instance_type;
  // An EMR request has no single instance: its capacity is checked by the bigdata rules instead.
  const workstation = request.bigdata === undefined;

  for (const [rule, value] of [
    ['templates', request.template_slug],
    ['instance_types', type],
    ['regions', request.region],
  ] as const) {
    if (!policy[rule] || (rule === 'instance_types' && !workstation)) continue;
    checked.push(rule);
    const violation = checkGlobRule(rule, policy[rule], value);
    if (violation) violations.push(violation);
  }
  violations.push(...templateOriginViolations(policy, request));
  violations.push(...s3FileBucketViolations(policy, request));
  violations.push(...hpcViolations(policy, request, checked));
  violations.push(...templateVerificationViolations(policy, request));
  violations.push(...templateApprovalViolations(policy, request));
  violations.push(...templateComplianceViolations(policy, request));
  if (policy.templates?.approved_only) checked.push('templates.approved_only');
  if (policy.user_templates !== undefined) checked.push('user_templates');
  if (policy.s3_file_buckets !== undefined) checked.push('s3_file_buckets');
  if (policy.regions?.allow && violations.some((violation) => violation.rule.startsWith('regions.'))) {
    const allowed = policy.regions.allow.filter((region) => !region.includes('*'));
    if (allowed.length > 0)
      suggestions.push({ rule: 'regions', message: `use a region the policy allows: ${allowed.join(', ')}` });
  }

  const sizeCaps = [
    ['max_vcpus', 'vCPUs', info?.vcpus],
    ['max_gpus', 'GPUs', info?.gpus],
    ['max_memory_gib', 'GiB of memory', info?.memory_gib],
  ] as const;
  for (const [rule, unit, actual] of sizeCaps) {
    const cap = policy[rule];
    if (cap === undefined || !workstation) continue;
    checked.push(rule);
    if (actual === undefined) {
      deny(
        {
          rule,
          expected: `<= ${cap}`,
          actual: 'unknown',
          message: `${rule} is ${cap} but the instance type '${type}' is unknown, so its ${unit} cannot be checked`,
        },
        true,
      );
    } else if (actual > cap) {
      deny({
        rule,
        expected: `<= ${cap}`,
        actual: String(actual),
        message: `${type} has ${actual} ${unit}, more than the ${cap} the policy allows`,
      });
    }
  }

  if (policy.max_hourly_cost !== undefined) {
    checked.push('max_hourly_cost');
    const cap = policy.max_hourly_cost;
    const onDemandBasis = request.spot && policy.spot_price_basis !== 'current';
    const cost = onDemandBasis ? context.on_demand_hourly_cost : context.hourly_cost;
    const priced = onDemandBasis ? ' on demand (the most a spot instance can cost)' : '';
    if (cost === undefined) {
      deny(
        {
          rule: 'max_hourly_cost',
          expected: `<= ${formatUsdPrecise(cap)}/h`,
          actual: 'unknown',
          message: `no${onDemandBasis ? ' on-demand' : ''} price is known for ${type} in ${request.region}, so the cap of ${formatUsdPrecise(cap)}/h cannot be checked`,
        },
        true,
      );
    } else if (cost > cap) {
      deny({
        rule: 'max_hourly_cost',
        expected: `<= ${formatUsdPrecise(cap)}/h`,
        actual: `${formatUsdPrecise(cost)}/h`,
        message: `${type} costs ${formatUsdPrecise(cost)}/h${priced} in ${request.region}, above the cap of ${formatUsdPrecise(cap)}/h`,
      });
    }
  }

  if (policy.monthly_budget !== undefined) {
    checked.push('monthly_budget');
    violations.push(...checkMonthlyBudget(policy.monthly_budget, context));
  }

  if (policy.spot !== undefined && workstation) {
    checked.push('spot');
    if (policy.spot === 'required' && !request.spot) {
      deny({
        rule: 'spot',
        expected: 'spot',
        actual: 'on-demand',
        message: 'the policy requires spot instances',
      });
      suggestions.push({ rule: 'spot', message: 'launch as a spot instance (--spot)' });
    } else if (policy.spot === 'forbidden' && request.spot) {
      deny({
        rule: 'spot',
        expected: 'on-demand',
        actual: 'spot',
        message: 'the policy forbids spot instances',
      });
      suggestions.push({ rule: 'spot', message: 'launch on demand (without --spot)' });
    }
  }

  if (policy.hibernation === 'required' && workstation) {
    checked.push('hibernation');
    if (!request.hibernation) {
      deny({
        rule: 'hibernation',
        expected: 'hibernation enabled',
        actual: 'hibernation disabled',
        message: 'the policy requires hibernation to be enabled',
      });
      suggestions.push({ rule: 'hibernation', message: 'enable hibernation (--hibernation)' });
    }
  } else if (policy.hibernation === 'optional' && workstation) {
    checked.push('hibernation');
  }

  if (policy.max_running_per_user !== undefined && workstation) {
    checked.push('max_running_per_user');
    const cap = policy.max_running_per_user;
    const running = context.running_count_for_user;
    if (running === undefined) {
      deny(
        {
          rule: 'max_running_per_user',
          expected: `<= ${cap} running`,
          actual: 'unknown',
          message: `the policy allows ${cap} running workstations per user, but how many are running is unknown`,
        },
        true,
      );
    } else if (running + 1 > cap) {
      deny({
        rule: 'max_running_per_user',
        expected: `<= ${cap} running`,
        actual: `${running + 1} running`,
        message: `${running} workstations are already running; the policy allows at most ${cap} per user`,
      });
      suggestions.push({ rule: 'max_running_per_user', message: 'stop a running workstation first' });
    }
  }

  if (policy.service_types !== undefined) {
    checked.push('service_types');
    if (!policy.service_types.includes(request.service_type)) {
      const allowed = policy.service_types.join(', ') || 'none';
      deny({
        rule: 'service_types',
        expected: `one of ${allowed}`,
        actual: request.service_type,
        message: `the service type '${request.service_type}' is not allowed (allowed: ${allowed})`,
      });
    }
  }

  if (policy.max_ebs_gb !== undefined && workstation) {
    checked.push('max_ebs_gb');
    if (request.root_volume_gb > policy.max_ebs_gb) {
      deny({
        rule: 'max_ebs_gb',
        expected: `<= ${policy.max_ebs_gb} GB`,
        actual: `${request.root_volume_gb} GB`,
        message: `a ${request.root_volume_gb} GB volume is larger than the ${policy.max_ebs_gb} GB the policy allows`,
      });
      suggestions.push({
        rule: 'max_ebs_gb',
        message: `use a root volume of at most ${policy.max_ebs_gb} GB`,
      });
    }
  }

  if (policy.required_tags !== undefined) {
    checked.push('required_tags');
    const missing = policy.required_tags.filter((key) => (request.tags[key] ?? '').trim() === '');
    if (missing.length > 0) {
      deny({
        rule: 'required_tags',
        expected: `tags ${policy.required_tags.join(', ')}`,
        actual: `missing ${missing.join(', ')}`,
        message: `the policy requires the tag${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
      });
      suggestions.push({
        rule: 'required_tags',
        message: `add ${missing.map((key) => `--tag ${key}=<value>`).join(' ')}`,
      });
    }
  }

  violations.push(...bigDataViolations(policy, request, checked));
  violations.push(...globusIdentityViolations(policy, context, checked));

  if (workstation && violations.some((violation) => INSTANCE_TYPE_RULES.has(violation.rule))) {
    suggestions.unshift(
      ...suggestInstanceTypes(
        policy,
        { name: type, info },
        context.candidate_instance_types ?? [],
        context.candidate_hourly_cost ?? (() => undefined),
      ),
    );
  }

  return {
    allowed: violations.length === 0,
    violations,
    suggestions,
    checked,
    notes: isEmptyPolicy(policy) ? [EMPTY_POLICY_NOTE] : [],
  };
}

function checkMonthlyBudget(budget: number, context: PolicyContext): PolicyViolation[] {
  const expected = `<= ${formatUsdPrecise(budget)} this month`;
  if (context.projected_month_spend !== undefined) {
    if (context.projected_month_spend <= budget) return [];
    return [
      {
        rule: 'monthly_budget',
        expected,
        actual: `${formatUsdPrecise(context.projected_month_spend)} projected`,
        message: `with this launch the month's spend is projected at ${formatUsdPrecise(context.projected_month_spend)}, above the monthly budget of ${formatUsdPrecise(budget)}`,
        unverified: false,
      },
    ];
  }
  if (context.month_to_date_spend !== undefined) {
    if (context.month_to_date_spend < budget) return [];
    return [
      {
        rule: 'monthly_budget',
        expected,
        actual: `${formatUsdPrecise(context.month_to_date_spend)} spent`,
        message: `${formatUsdPrecise(context.month_to_date_spend)} is already spent this month, which uses up the monthly budget of ${formatUsdPrecise(budget)}`,
        unverified: false,
      },
    ];
  }
  return [
    {
      rule: 'monthly_budget',
      expected,
      actual: 'unknown',
      message: `the monthly budget is ${formatUsdPrecise(budget)} but this month's spend is unknown, so it cannot be checked`,
      unverified: true,
    },
  ];
}
