import type { TemplateProvenance } from '../marketplace/TemplateProvenance.js';
import type { PolicyRequest } from './PolicyRequest.js';
import type { PolicyViolation } from './PolicyVerdict.js';
import type { Policy } from './policySchema.js';

type TemplatesRule = NonNullable<Policy['templates']>;

/** Whether a policy's approver list names the release's approver key (by fingerprint only). */
function namesApprover(
  approvers: readonly string[],
  who: { approver_fingerprint?: string | undefined },
): boolean {
  return who.approver_fingerprint !== undefined && approvers.includes(who.approver_fingerprint);
}

/** Why one file of the chain does not meet the rule, or undefined when it does. */
function refusalOf(rule: TemplatesRule, provenance: TemplateProvenance | undefined): string | undefined {
  if (provenance === undefined) return 'where it comes from is unknown';
  const registries = rule.registries;
  switch (provenance.state) {
    case 'builtin':
      return registries === undefined || registries.includes('builtin')
        ? undefined
        : `it is a built-in and the policy admits only the registries ${registries.join(', ')}`;
    case 'local':
      return rule.allow_local ? undefined : 'it is a local file that no approver signed';
    case 'refused':
      return `it failed verification: ${provenance.reason}`;
    case 'submitted':
      return `${provenance.slug}@${provenance.version} is awaiting approval`;
    case 'rejected':
      return `${provenance.slug}@${provenance.version} was rejected by ${provenance.approver ?? 'an approver'}`;
    case 'approved': {
      if (registries !== undefined && !registries.includes(provenance.registry)) {
        return `it comes from the registry '${provenance.registry}', not one of ${registries.join(', ')}`;
      }
      const publishers = rule.publishers;
      if (
        publishers !== undefined &&
        !publishers.includes(provenance.publisher) &&
        !publishers.includes(provenance.publisher_fingerprint)
      ) {
        return `its publisher '${provenance.publisher}' is not one of ${publishers.join(', ')}`;
      }
      const approvers = rule.approvers;
      if (approvers !== undefined && !namesApprover(approvers, provenance)) {
        return `it was approved by '${provenance.approver ?? 'an unknown key'}'${provenance.approver_fingerprint ? ` (${provenance.approver_fingerprint})` : ''}, who is not one of the approvers the policy names (${approvers.join(', ')})`;
      }
      return undefined;
    }
  }
}

/**
 * `templates.approved_only`: every file of the template's chain must be an approved release from
 * an admitted registry and publisher (built-ins count unless `registries` leaves them out; local
 * files only with `allow_local`). Missing facts deny (fail closed).
 */
export function templateApprovalViolations(
  policy: Policy,
  request: Pick<PolicyRequest, 'template_slug' | 'template_provenance'>,
): PolicyViolation[] {
  const rule = policy.templates;
  if (!rule?.approved_only) return [];
  const chain = request.template_provenance;
  const expected = `an approved release${rule.registries ? ` from ${rule.registries.join(', ')}` : ''}`;
  if (chain === undefined || chain.length === 0) {
    return [
      {
        rule: 'templates.approved_only',
        expected,
        actual: 'unknown',
        message: `the policy allows only approved templates, and whether '${request.template_slug}' is approved is unknown`,
        unverified: true,
      },
    ];
  }
  for (const { slug, provenance } of chain) {
    const refusal = refusalOf(rule, provenance);
    if (refusal === undefined) continue;
    const which =
      slug === request.template_slug ? `'${slug}'` : `'${request.template_slug}' inherits '${slug}', and`;
    return [
      {
        rule: 'templates.approved_only',
        expected,
        actual: provenance?.state ?? 'unknown',
        message: `the policy allows only approved templates: ${which} ${refusal}`,
        unverified: provenance === undefined,
      },
    ];
  }
  return [];
}
