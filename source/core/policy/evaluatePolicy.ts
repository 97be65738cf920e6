import type { StoragePolicyRequest } from '../fsx/storagePolicySchema.js';
import type { AnalyticsPolicyRequest } from './AnalyticsPolicyRequest.js';
import { type ClassifiedPolicyRequest, classifyPolicyRequest } from './classifyPolicyRequest.js';
import type { PolicyContext } from './PolicyContext.js';
import type { PolicyRequest } from './PolicyRequest.js';
import type { PolicyKind, PolicyRun } from './PolicyRule.js';
import type { PolicyVerdict } from './PolicyVerdict.js';
import { POLICY_RULES } from './policyRuleTables.js';
import type { Policy } from './policySchema.js';

export { EMPTY_POLICY_NOTE } from './launchRules.js';

/**
 * Decides whether a policy allows a request, given the facts the caller supplies: the request's kind
 * (workstation, cluster, EMR, analytics, storage) picks its table of rules in `POLICY_RULES`, and
 * each rule in turn adds what it finds. Pure: it looks nothing up. Deny patterns win over allow
 * patterns. A rule that needs a fact the context lacks (a price, the instance type's size, the
 * month's spend, the running count) DENIES with an `unverified` violation: an unknown price must
 * never slip past a cost cap. A request of no known kind is denied.
 */
export function evaluatePolicy(
  policy: Policy,
  request: PolicyRequest | AnalyticsPolicyRequest | StoragePolicyRequest,
  context: PolicyContext,
): PolicyVerdict {
  const classified = classifyPolicyRequest(request);
  if (classified.kind === 'unknown') {
    const kinds = Object.keys(POLICY_RULES).join(', ');
    return {
      allowed: false,
      violations: [
        {
          rule: 'kind',
          expected: `one of ${kinds}`,
          actual: classified.described,
          message: `the policy has no rules for ${classified.described}, so it is denied`,
          unverified: true,
        },
      ],
      suggestions: [],
      checked: [],
      notes: [],
    };
  }
  return walkRules(policy, classified, context);
}

function walkRules<Kind extends PolicyKind>(
  policy: Policy,
  { kind, request }: ClassifiedPolicyRequest<Kind>,
  context: PolicyContext,
): PolicyVerdict {
  const run: PolicyRun<typeof request> = {
    policy,
    request,
    context,
    violations: [],
    suggestions: [],
    checked: [],
    notes: [],
  };
  for (const rule of POLICY_RULES[kind]) rule(run);
  const { violations, suggestions, checked, notes } = run;
  return { allowed: violations.length === 0, violations, suggestions, checked, notes };
}
