import { checkGlobRule } from './checkGlobRule.js';
import type { PolicyRequest } from './PolicyRequest.js';
import type { PolicyViolation } from './PolicyVerdict.js';
import type { Policy } from './policySchema.js';

/**
 * A template is denied when an ancestor is (inheriting from a denied template must not launch it
 * under another name), and, under `user_templates: deny`, when it or an ancestor is not a built-in.
 */
export function templateOriginViolations(policy: Policy, request: PolicyRequest): PolicyViolation[] {
  const violations: PolicyViolation[] = [];
  const denyOnly = policy.templates?.deny ? { deny: policy.templates.deny } : undefined;
  for (const ancestor of request.template_ancestors ?? []) {
    const denied = checkGlobRule('templates', denyOnly, ancestor);
    if (!denied) continue;
    violations.push({
      ...denied,
      actual: `${request.template_slug} (inherits ${ancestor})`,
      message: `the template '${request.template_slug}' inherits from '${ancestor}': ${denied.message}`,
    });
    break;
  }
  if (policy.user_templates === 'deny' && request.template_user_made !== false) {
    const unknown = request.template_user_made === undefined;
    violations.push({
      rule: 'user_templates',
      expected: 'a built-in template',
      actual: unknown ? 'unknown' : 'a template of your own',
      message: unknown
        ? `the policy allows only built-in templates, and where '${request.template_slug}' comes from is unknown`
        : `the policy allows only built-in templates; '${request.template_slug}' is (or inherits from) one of your own`,
      unverified: unknown,
    });
  }
  return violations;
}
