import { createPrivateKey } from 'node:crypto';
import type { Profile } from '../config/profileSchema.js';
import { InvitationError } from './InvitationError.js';
import { decodeInvitationToken } from './invitationToken.js';
import { type SigningKey, signingKeyOf } from './signingKey.js';

/**
 * The key a profile signs invitations with: a root profile (admin or personal) uses the
 * installation's key; an invited profile uses the key its own invitation handed it, the only one
 * the next link of its chain may be signed with.
 */
export function invitationSigningKey(profile: Profile, installationKey: SigningKey): SigningKey {
  if (profile.kind !== 'invited' && profile.policy_chain.length === 0) return installationKey;
  if (profile.invitation_token === undefined) {
    throw new InvitationError(
      `the profile '${profile.name}' was accepted before invitations carried a key to invite with; ask for a new invitation`,
    );
  }
  const payload = decodeInvitationToken(profile.invitation_token, new Date(), { ignoreExpiry: true });
  if (payload.delegate_key === undefined) {
    throw new InvitationError(
      `the profile '${profile.name}' may not invite others: its invitation did not allow it`,
    );
  }
  return signingKeyOf(createPrivateKey(payload.delegate_key));
}
