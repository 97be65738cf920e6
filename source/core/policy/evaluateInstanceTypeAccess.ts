import type { InstanceTypeInfo } from '../catalog/InstanceTypeInfo.js';
import { evaluatePolicy } from './evaluatePolicy.js';
import type { TemplateAccess } from './evaluateTemplateAccess.js';
import type { Policy } from './policySchema.js';

/** The rules that judge an instance type by itself, whatever else the launch asks for. */
const TYPE_RULES = ['instance_types', 'max_vcpus', 'max_gpus', 'max_memory_gib', 'max_hourly_cost'] as const;

/** Whether a type may launch, and if not the first rule against it and why. */
export interface InstanceTypeAccess extends TemplateAccess {
  rule?: string;
}

/** One size or type a list offers, with the facts a launch of it would be checked with. */
export interface InstanceTypeCandidate {
  instance_type: string;
  region: string;
  info?: InstanceTypeInfo;
  /** On-demand $/h in the region, when known. */
  hourly?: number;
}

/**
 * Whether the policy lets a type be launched at all (its type, size and price rules), so that size
 * lists can dim the ones it forbids with the rule's reason. It runs evaluatePolicy, the launch's
 * own check, on those rules alone: a type whose size or price is unknown is forbidden by a cap that
 * needs it, as the launch would refuse it.
 */
export function evaluateInstanceTypeAccess(
  policy: Policy,
  candidate: InstanceTypeCandidate,
): InstanceTypeAccess {
  const typeRules: Policy = {};
  for (const rule of TYPE_RULES)
    if (policy[rule] !== undefined) Object.assign(typeRules, { [rule]: policy[rule] });
  if (Object.keys(typeRules).length === 0) return { allowed: true };
  const verdict = evaluatePolicy(
    typeRules,
    {
      template_slug: '',
      instance_type: candidate.instance_type,
      region: candidate.region,
      spot: false,
      hibernation: false,
      service_type: candidate.instance_type.startsWith('ml.') ? 'sagemaker' : 'ec2',
      root_volume_gb: 0,
      tags: {},
    },
    {
      ...(candidate.info ? { instance_type_info: candidate.info } : {}),
      ...(candidate.hourly !== undefined
        ? { hourly_cost: candidate.hourly, on_demand_hourly_cost: candidate.hourly }
        : {}),
    },
  );
  const [first] = verdict.violations;
  return first
    ? { allowed: false, rule: first.rule, reason: `${first.rule}: ${first.message}` }
    : { allowed: true };
}
