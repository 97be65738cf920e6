import type { BigDataPolicyFacts } from '../policy/BigDataPolicyFacts.js';
import { evaluatePolicy } from '../policy/evaluatePolicy.js';
import type { PolicyVerdict } from '../policy/PolicyVerdict.js';
import type { Policy } from '../policy/policySchema.js';
import { BigDataError } from './BigDataError.js';

export interface BigDataPolicyRequest {
  template_slug: string;
  region: string;
  tags: Record<string, string>;
  facts: BigDataPolicyFacts;
  /** USD per hour at the request's largest capacity; undefined when no price is known (fails closed). */
  hourly_cost: number | undefined;
}

/**
 * The one policy evaluation of an EMR request (evaluatePolicy, with the request's capacity as its
 * facts). A denial throws a BigDataError of kind `denied` naming every broken rule.
 */
export function checkBigDataPolicy(policy: Policy, request: BigDataPolicyRequest): PolicyVerdict {
  const verdict = evaluatePolicy(
    policy,
    {
      template_slug: request.template_slug,
      instance_type: request.facts.instance_types[0] ?? '',
      region: request.region,
      spot: false,
      hibernation: false,
      service_type: 'emr',
      root_volume_gb: 0,
      tags: request.tags,
      bigdata: request.facts,
    },
    request.hourly_cost === undefined ? {} : { hourly_cost: request.hourly_cost },
  );
  if (!verdict.allowed)
    throw new BigDataError(
      'denied',
      `denied by policy:\n${verdict.violations.map((violation) => `  - ${violation.rule}: ${violation.message}`).join('\n')}`,
    );
  return verdict;
}
