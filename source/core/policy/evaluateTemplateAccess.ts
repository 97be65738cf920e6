import { checkGlobRule } from './checkGlobRule.js';
import type { TemplateProvenanceFact } from './PolicyRequest.js';
import type { Policy } from './policySchema.js';
import { templateApprovalViolations } from './templateApprovalViolations.js';
import { templateVerificationViolations } from './templateVerificationViolations.js';

export interface TemplateAccess {
  allowed: boolean;
  /** Why the template is not allowed, for marking it in a list. */
  reason?: string;
}

/**
 * Whether a policy lets a template be launched at all (its `templates` rule, and with the chain's
 * provenance its approval rule), so that template lists can mark or dim the ones it forbids. The
 * full check of a launch is evaluatePolicy.
 */
export function evaluateTemplateAccess(
  policy: Policy,
  templateSlug: string,
  provenance?: TemplateProvenanceFact[],
): TemplateAccess {
  const violation = checkGlobRule('templates', policy.templates, templateSlug);
  if (violation) return { allowed: false, reason: violation.message };
  if (provenance !== undefined) {
    const facts = { template_slug: templateSlug, template_provenance: provenance };
    const [refused] = [
      ...templateVerificationViolations(policy, facts),
      ...templateApprovalViolations(policy, facts),
    ];
    if (refused) return { allowed: false, reason: refused.message };
  }
  return { allowed: true };
}
