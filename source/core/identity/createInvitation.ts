import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { Profile } from '../config/profileSchema.js';
import type { Budget } from '../cost/Budget.js';
import { budgetWidening } from '../cost/budgetWidening.js';
import { narrowerThan } from '../policy/narrowerThan.js';
import type { Policy } from '../policy/policySchema.js';
import { InvitationError } from './InvitationError.js';
import { encodeInvitationToken, type InvitationPayload } from './invitationToken.js';
import { signPolicyLink } from './policyChain.js';
import type { SigningKey } from './signingKey.js';

export interface InvitationRequest {
  /** The name the invitee's profile gets. */
  profile_name: string;
  aws_profile: string;
  aws_account_id?: string;
  region: string;
  username?: string;
  /** The policy to hand on; the issuer's own when omitted. */
  policy?: Policy;
  /** The invitee's budget; a non-admin inviter's own when omitted. */
  budget?: Budget;
  expires_at: Date;
  can_invite: boolean;
  require_globus?: { idp_domain?: string };
}

export interface CreatedInvitation {
  token: string;
  payload: InvitationPayload;
}

/**
 * Issues a signed invitation from the `issuer` profile. An admin profile is the root of a chain
 * and may hand on any policy; any other profile needs the right to invite and may only hand on a
 * policy that is the same as or narrower than its own, appended to its own chain.
 */
export function createInvitation(
  issuer: Profile,
  signingKey: SigningKey,
  request: InvitationRequest,
  now: Date = new Date(),
): CreatedInvitation {
  const isAdmin = issuer.role === 'admin';
  if (!isAdmin && !issuer.can_invite) {
    throw new InvitationError(
      `the profile '${issuer.name}' may not invite others (it is not an admin profile)`,
    );
  }
  if (request.expires_at.getTime() <= now.getTime()) {
    throw new InvitationError('the expiry must be in the future');
  }
  const policy = request.policy ?? issuer.policy;
  const budget = request.budget ?? (isAdmin ? undefined : issuer.budget);
  if (!isAdmin) {
    const check = narrowerThan(policy, issuer.policy);
    if (!check.ok) {
      throw new InvitationError(
        `an invitation can only hand on the same or a narrower policy than the profile's own; this one widens it:\n  ${check.widened.join('\n  ')}`,
      );
    }
    const budgetProblems = budgetWidening(budget, issuer.budget);
    if (budgetProblems.length > 0) {
      throw new InvitationError(
        `an invitation can only hand on the same or a smaller budget than the profile's own:\n  ${budgetProblems.join('\n  ')}`,
      );
    }
  }
  const issuerName = issuer.research_user ?? issuer.name;
  const parentChain = isAdmin ? [] : issuer.policy_chain;
  const parent = parentChain[parentChain.length - 1];
  if (parent && parent.subject_key !== signingKey.publicKey) {
    throw new InvitationError(
      `the profile '${issuer.name}' holds no key to sign invitations with; its own invitation did not grant it`,
    );
  }
  // The invitee signs their own invitations with this key, and only they get it (in the token).
  const delegate = request.can_invite ? generateKeyPairSync('ed25519') : undefined;
  const subjectKey = delegate?.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  const link = signPolicyLink(
    {
      issuer: issuerName,
      issuer_key: signingKey.publicKey,
      issued_at: now.toISOString(),
      policy,
      ...(budget !== undefined ? { budget } : {}),
      can_invite: request.can_invite,
      ...(subjectKey !== undefined ? { subject_key: subjectKey } : {}),
    },
    parent,
    signingKey.privateKey,
  );
  const payload: InvitationPayload = {
    version: 1,
    id: randomUUID(),
    issued_at: now.toISOString(),
    expires_at: request.expires_at.toISOString(),
    issuer: issuerName,
    issuer_key: signingKey.publicKey,
    profile: {
      name: request.profile_name,
      aws_profile: request.aws_profile,
      ...(request.aws_account_id !== undefined ? { aws_account_id: request.aws_account_id } : {}),
      region: request.region,
    },
    ...(request.username !== undefined ? { username: request.username } : {}),
    policy,
    policy_chain: [...parentChain, link],
    ...(budget !== undefined ? { budget } : {}),
    can_invite: request.can_invite,
    ...(request.require_globus ? { require_globus: { ...request.require_globus } } : {}),
    ...(delegate
      ? { delegate_key: delegate.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() }
      : {}),
  };
  return { token: encodeInvitationToken(payload, signingKey.privateKey), payload };
}
