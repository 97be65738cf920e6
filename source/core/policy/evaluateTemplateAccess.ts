import { checkGlobRule } from './checkGlobRule.js';
import type { Policy } from './policySchema.js';

export interface TemplateAccess {
  allowed: boolean;
  /** Why the template is not allowed, for marking it in a list. */
  reason?: string;
}

/**
 * Whether a policy lets a template be launched at all (its `templates` rule), so that template
 * lists can mark or hide the ones it forbids. The full check of a launch is evaluatePolicy.
 */
export function evaluateTemplateAccess(policy: Policy, templateSlug: string): TemplateAccess {
  const violation = checkGlobRule('templates', policy.templates, templateSlug);
  return violation ? { allowed: false, reason: violation.message } : { allowed: true };
}
