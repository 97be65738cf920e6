import { appendAuditEvent } from './appendAuditEvent.js';
import type { PolicyRequest } from './PolicyRequest.js';
import type { PolicyVerdict } from './PolicyVerdict.js';

/** An override that was refused; the message says why, for the user. */
export class PolicyOverrideError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyOverrideError';
  }
}

export interface OverrideRequest {
  profile: { name: string; role: 'admin' | 'member'; research_user?: string };
  reason: string | undefined;
  request: PolicyRequest;
  verdict: PolicyVerdict;
}

/** AWS caps tag values at 256 characters. */
const TAG_VALUE_LIMIT = 256;

/**
 * Lets an admin launch a request the policy denies: only an admin profile may, only with a reason,
 * and the override is appended to the audit log before the launch goes ahead. Returns the tags to
 * put on the resource so that the override is visible on it too.
 */
export async function authorizeOverride(
  stateDir: string,
  override: OverrideRequest,
): Promise<Record<string, string>> {
  const { profile, verdict } = override;
  if (profile.role !== 'admin') {
    throw new PolicyOverrideError(
      `only an admin profile can override the policy; '${profile.name}' is a member profile`,
    );
  }
  const reason = override.reason?.trim() ?? '';
  if (reason === '') throw new PolicyOverrideError('an override needs a reason: add --reason "<why>"');
  if (verdict.allowed)
    throw new PolicyOverrideError('the policy allows this launch; there is nothing to override');
  await appendAuditEvent(stateDir, {
    time: new Date().toISOString(),
    kind: 'policy_override',
    profile: profile.name,
    ...(profile.research_user !== undefined ? { research_user: profile.research_user } : {}),
    reason,
    request: override.request,
    violations: verdict.violations,
  });
  return {
    'cws:policy-override': verdict.violations
      .map((violation) => violation.rule)
      .join(' ')
      .slice(0, TAG_VALUE_LIMIT),
    'cws:override-reason': reason.slice(0, TAG_VALUE_LIMIT),
    'cws:override-by': profile.name.slice(0, TAG_VALUE_LIMIT),
  };
}
