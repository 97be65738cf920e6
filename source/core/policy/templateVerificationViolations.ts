import type { PolicyRequest } from './PolicyRequest.js';
import type { PolicyViolation } from './PolicyVerdict.js';
import type { Policy } from './policySchema.js';

/**
 * Whatever the policy: a template of whose chain any file failed verification at load (a tampered
 * built-in, an altered or no longer trusted marketplace install) is never launched. With
 * `templates.development_builtins: deny`, neither is a built-in signed only with the development
 * key of a checkout, which proves nothing about who wrote it.
 */
export function templateVerificationViolations(
  policy: Policy,
  request: Pick<PolicyRequest, 'template_slug' | 'template_provenance'>,
): PolicyViolation[] {
  const denyDevelopment = policy.templates?.development_builtins === 'deny';
  for (const { slug, provenance } of request.template_provenance ?? []) {
    const which =
      slug === request.template_slug ? `'${slug}'` : `'${request.template_slug}' inherits '${slug}', which`;
    if (provenance?.state === 'refused') {
      return [
        {
          rule: 'templates.verification',
          expected: 'a template whose signature and bytes verify',
          actual: 'refused',
          message: `${which} failed verification: ${provenance.reason}`,
          unverified: false,
        },
      ];
    }
    if (denyDevelopment && provenance?.state === 'builtin' && provenance.signer === 'development') {
      return [
        {
          rule: 'templates.development_builtins',
          expected: 'built-ins signed with the cws-tui release key',
          actual: 'the development key',
          message: `the policy refuses built-ins signed with the development key, and ${which} is one (a checkout's build, not a release)`,
          unverified: false,
        },
      ];
    }
  }
  return [];
}
