import type { PolicyContext } from './PolicyContext.js';
import type { PolicyViolation } from './PolicyVerdict.js';
import type { Policy } from './policySchema.js';

/**
 * `require_globus_identity`: the launching research user must have a verified Globus identity linked.
 * Fails closed: a launch path that does not say which identity is linked is denied.
 */
export function globusIdentityViolations(
  policy: Policy,
  context: PolicyContext,
  checked: string[],
): PolicyViolation[] {
  if (!policy.require_globus_identity) return [];
  checked.push('require_globus_identity');
  if (context.globus_identity) return [];
  return [
    {
      rule: 'require_globus_identity',
      expected: 'a linked Globus identity',
      actual: 'none linked',
      message:
        "the policy requires a verified Globus identity linked to the research user: run 'cws-tui globus login', then 'cws-tui users link-globus <user>'",
      unverified: false,
    },
  ];
}
