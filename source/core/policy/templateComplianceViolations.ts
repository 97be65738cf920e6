import type { PolicyRequest } from './PolicyRequest.js';
import type { PolicyViolation } from './PolicyVerdict.js';
import type { Policy } from './policySchema.js';

/**
 * A template's `compliance:` claims held against the launch, and the policy's required frameworks:
 * a framework the policy requires must be claimed; a claimed region list must contain the launch's
 * region; `no_public_ip` must not land in a subnet that hands out public addresses (unknown denies).
 */
export function templateComplianceViolations(
  policy: Policy,
  request: Pick<PolicyRequest, 'template_slug' | 'template_compliance' | 'region' | 'launch_public_ip'>,
): PolicyViolation[] {
  const violations: PolicyViolation[] = [];
  const claims = request.template_compliance;
  const slug = request.template_slug;
  const required = policy.templates?.required_frameworks ?? [];
  const claimed = claims?.frameworks ?? [];
  const missing = required.filter(
    (framework) => !claimed.some((c) => c.toLowerCase() === framework.toLowerCase()),
  );
  if (missing.length > 0) {
    violations.push({
      rule: 'templates.required_frameworks',
      expected: required.join(', '),
      actual: claimed.join(', ') || 'none',
      message: `the policy requires templates compliant with ${required.join(', ')}; '${slug}' does not claim ${missing.join(', ')}`,
      unverified: false,
    });
  }
  if (claims?.regions && !claims.regions.includes(request.region)) {
    violations.push({
      rule: 'compliance.regions',
      expected: claims.regions.join(', '),
      actual: request.region,
      message: `'${slug}' may process its data only in ${claims.regions.join(', ')}, not ${request.region}`,
      unverified: false,
    });
  }
  if (claims?.controls?.includes('no_public_ip') && request.launch_public_ip !== false) {
    const unknown = request.launch_public_ip === undefined;
    violations.push({
      rule: 'compliance.no_public_ip',
      expected: 'a subnet that gives no public IP',
      actual: unknown ? 'unknown' : 'a public subnet that assigns public IPs',
      message: unknown
        ? `'${slug}' promises no public IP, and whether the launch's subnet gives one is unknown`
        : `'${slug}' promises no public IP, but the launch's subnet assigns public IPs; choose a private subnet (cws-tui network use)`,
      unverified: unknown,
    });
  }
  return violations;
}
