import { checkGlobRule } from './checkGlobRule.js';
import { formatUsdPrecise } from './formatUsdPrecise.js';
import type { PolicyRequest } from './PolicyRequest.js';
import type { PolicyRule } from './PolicyRule.js';
import { suggestInstanceTypes } from './suggestInstanceTypes.js';

/** The rules for a launch of one instance: a workstation, or a cluster's head node. */
type InstanceRule = PolicyRule<PolicyRequest>;

/** Rules an instance-type suggestion can fix. */
const INSTANCE_TYPE_RULES = new Set([
  'instance_types.allow',
  'instance_types.deny',
  'max_vcpus',
  'max_gpus',
  'max_memory_gib',
  'max_hourly_cost',
]);

export const instanceTypesAllowed: InstanceRule = (run) => {
  if (!run.policy.instance_types) return;
  run.checked.push('instance_types');
  const violation = checkGlobRule('instance_types', run.policy.instance_types, run.request.instance_type);
  if (violation) run.violations.push(violation);
};

/** vCPU, GPU and memory caps; an instance type the catalog lacks denies, unverified. */
export const instanceSizeCaps: InstanceRule = ({ policy, request, context, checked, violations }) => {
  const info = context.instance_type_info;
  const type = request.instance_type;
  const sizeCaps = [
    ['max_vcpus', 'vCPUs', info?.vcpus],
    ['max_gpus', 'GPUs', info?.gpus],
    ['max_memory_gib', 'GiB of memory', info?.memory_gib],
  ] as const;
  for (const [rule, unit, actual] of sizeCaps) {
    const cap = policy[rule];
    if (cap === undefined) continue;
    checked.push(rule);
    if (actual === undefined) {
      violations.push({
        rule,
        expected: `<= ${cap}`,
        actual: 'unknown',
        message: `${rule} is ${cap} but the instance type '${type}' is unknown, so its ${unit} cannot be checked`,
        unverified: true,
      });
    } else if (actual > cap) {
      violations.push({
        rule,
        expected: `<= ${cap}`,
        actual: String(actual),
        message: `${type} has ${actual} ${unit}, more than the ${cap} the policy allows`,
        unverified: false,
      });
    }
  }
};

/**
 * The hourly cap, for a spot request against the on-demand price (the most it can cost) unless the
 * policy says `current`; an unknown price denies, unverified. EMR requests are held to it too.
 */
export const hourlyCost: InstanceRule = ({ policy, request, context, checked, violations }) => {
  if (policy.max_hourly_cost === undefined) return;
  checked.push('max_hourly_cost');
  const cap = policy.max_hourly_cost;
  const type = request.instance_type;
  const onDemandBasis = request.spot && policy.spot_price_basis !== 'current';
  const cost = onDemandBasis ? context.on_demand_hourly_cost : context.hourly_cost;
  const priced = onDemandBasis ? ' on demand (the most a spot instance can cost)' : '';
  if (cost === undefined) {
    violations.push({
      rule: 'max_hourly_cost',
      expected: `<= ${formatUsdPrecise(cap)}/h`,
      actual: 'unknown',
      message: `no${onDemandBasis ? ' on-demand' : ''} price is known for ${type} in ${request.region}, so the cap of ${formatUsdPrecise(cap)}/h cannot be checked`,
      unverified: true,
    });
  } else if (cost > cap) {
    violations.push({
      rule: 'max_hourly_cost',
      expected: `<= ${formatUsdPrecise(cap)}/h`,
      actual: `${formatUsdPrecise(cost)}/h`,
      message: `${type} costs ${formatUsdPrecise(cost)}/h${priced} in ${request.region}, above the cap of ${formatUsdPrecise(cap)}/h`,
      unverified: false,
    });
  }
};

export const spotRule: InstanceRule = ({ policy, request, checked, violations, suggestions }) => {
  if (policy.spot === undefined) return;
  checked.push('spot');
  if (policy.spot === 'required' && !request.spot) {
    violations.push({
      rule: 'spot',
      expected: 'spot',
      actual: 'on-demand',
      message: 'the policy requires spot instances',
      unverified: false,
    });
    suggestions.push({ rule: 'spot', message: 'launch as a spot instance (--spot)' });
  } else if (policy.spot === 'forbidden' && request.spot) {
    violations.push({
      rule: 'spot',
      expected: 'on-demand',
      actual: 'spot',
      message: 'the policy forbids spot instances',
      unverified: false,
    });
    suggestions.push({ rule: 'spot', message: 'launch on demand (without --spot)' });
  }
};

export const hibernationRule: InstanceRule = ({ policy, request, checked, violations, suggestions }) => {
  if (policy.hibernation === 'optional') checked.push('hibernation');
  if (policy.hibernation !== 'required') return;
  checked.push('hibernation');
  if (request.hibernation) return;
  violations.push({
    rule: 'hibernation',
    expected: 'hibernation enabled',
    actual: 'hibernation disabled',
    message: 'the policy requires hibernation to be enabled',
    unverified: false,
  });
  suggestions.push({ rule: 'hibernation', message: 'enable hibernation (--hibernation)' });
};

export const runningPerUser: InstanceRule = ({ policy, context, checked, violations, suggestions }) => {
  if (policy.max_running_per_user === undefined) return;
  checked.push('max_running_per_user');
  const cap = policy.max_running_per_user;
  const running = context.running_count_for_user;
  if (running === undefined) {
    violations.push({
      rule: 'max_running_per_user',
      expected: `<= ${cap} running`,
      actual: 'unknown',
      message: `the policy allows ${cap} running workstations per user, but how many are running is unknown`,
      unverified: true,
    });
  } else if (running + 1 > cap) {
    violations.push({
      rule: 'max_running_per_user',
      expected: `<= ${cap} running`,
      actual: `${running + 1} running`,
      message: `${running} workstations are already running; the policy allows at most ${cap} per user`,
      unverified: false,
    });
    suggestions.push({ rule: 'max_running_per_user', message: 'stop a running workstation first' });
  }
};

export const rootVolumeSize: InstanceRule = ({ policy, request, checked, violations, suggestions }) => {
  if (policy.max_ebs_gb === undefined) return;
  checked.push('max_ebs_gb');
  if (request.root_volume_gb <= policy.max_ebs_gb) return;
  violations.push({
    rule: 'max_ebs_gb',
    expected: `<= ${policy.max_ebs_gb} GB`,
    actual: `${request.root_volume_gb} GB`,
    message: `a ${request.root_volume_gb} GB volume is larger than the ${policy.max_ebs_gb} GB the policy allows`,
    unverified: false,
  });
  suggestions.push({ rule: 'max_ebs_gb', message: `use a root volume of at most ${policy.max_ebs_gb} GB` });
};

/** Instance types that would pass, first among the suggestions, when the type is what broke a rule. */
export const instanceTypeSuggestions: InstanceRule = ({
  policy,
  request,
  context,
  violations,
  suggestions,
}) => {
  if (!violations.some((violation) => INSTANCE_TYPE_RULES.has(violation.rule))) return;
  suggestions.unshift(
    ...suggestInstanceTypes(
      policy,
      { name: request.instance_type, info: context.instance_type_info },
      context.candidate_instance_types ?? [],
      context.candidate_hourly_cost ?? (() => undefined),
    ),
  );
};
