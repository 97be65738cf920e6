import type { Profile } from '../config/profileSchema.js';
import type { Policy } from '../policy/policySchema.js';
import { canonicalJson } from './canonicalJson.js';
import { InvitationError } from './InvitationError.js';
import { decodeInvitationToken } from './invitationToken.js';
import { signsTerms, verifyPolicyChain } from './policyChain.js';
import { type RootTrust, rootTrustProblem } from './RootTrust.js';
import { reissueAdvice } from './reissueAdvice.js';
import { publicKeyFingerprint } from './signingKey.js';

/** Refuses every launch: what a profile gets when nothing it holds can be trusted. */
export const REFUSE_EVERYTHING: Policy = { templates: { deny: ['*'] } };

export interface EnforcedProfile {
  /** The profile with the signed values in place of the cached ones. */
  profile: Profile;
  /** Mismatches and verification failures, for the user to see. */
  problems: string[];
  /** True when the profile may launch nothing: its policy is then REFUSE_EVERYTHING. */
  refused: boolean;
}

/**
 * The profile a session is held to. An invited profile's kind, policy, budget and right to invite
 * are the ones its signed invitation carries: the config file is a cache, a hand edit of it is
 * reported and never widens anything. A profile the installation accepted from an invitation, or
 * any profile where the system config denies personal ones, stays governed even if the file now
 * calls it personal. A chain that does not verify, or that starts at a root this installation
 * does not trust, refuses every launch.
 */
export function enforcedProfile(profile: Profile, trust: RootTrust): EnforcedProfile {
  const refuse = (problems: string[]): EnforcedProfile => ({
    profile: { ...profile, kind: 'invited', role: 'member', can_invite: false, policy: REFUSE_EVERYTHING },
    problems: [...problems, 'launches are refused until the invitation is accepted again'],
    refused: true,
  });
  if (!looksInvited(profile)) {
    if (trust.accepted_profiles.includes(profile.name)) {
      return refuse([
        `the profile '${profile.name}' was accepted from an invitation, but the config file now calls it personal`,
      ]);
    }
    if (trust.personal_profiles === 'deny') {
      return refuse([`the system config (${trust.source}) allows only invited profiles on this machine`]);
    }
    return { profile, problems: [], refused: false };
  }
  if (trust.unknown) return refuse([trust.unknown]);
  if (profile.invitation_token === undefined) return legacyProfile(profile, trust, refuse);
  let payload: ReturnType<typeof decodeInvitationToken>;
  try {
    payload = decodeInvitationToken(profile.invitation_token, new Date(), { ignoreExpiry: true });
  } catch (error) {
    if (!(error instanceof InvitationError)) throw error;
    const advice = reissueAdvice(profile.policy_chain, profile.name);
    return refuse([
      `the profile's invitation does not verify: ${error.message}`,
      ...(advice ? [advice] : []),
    ]);
  }
  const root = payload.policy_chain[0];
  const rootProblem = rootTrustProblem(trust, publicKeyFingerprint(root?.issuer_key ?? payload.issuer_key));
  if (rootProblem) return refuse([rootProblem]);
  const signed: Profile = {
    ...profile,
    kind: 'invited',
    role: 'member',
    policy: payload.policy,
    policy_chain: payload.policy_chain,
    can_invite: payload.can_invite,
    invitation_id: payload.id,
  };
  if (payload.budget !== undefined) signed.budget = payload.budget;
  else delete signed.budget;
  const problems = cacheMismatches(profile, signed);
  return { profile: signed, problems, refused: false };
}

/** A profile any trace of an invitation marks as governed by one. */
function looksInvited(profile: Profile): boolean {
  return (
    profile.kind === 'invited' ||
    profile.invitation_token !== undefined ||
    profile.invitation_id !== undefined ||
    profile.policy_chain.length > 0
  );
}

const CACHED_FIELDS = ['kind', 'role', 'policy', 'policy_chain', 'budget', 'can_invite'] as const;

function cacheMismatches(cached: Profile, signed: Profile): string[] {
  const changed = CACHED_FIELDS.filter(
    (field) => canonicalJson(cached[field] ?? null) !== canonicalJson(signed[field] ?? null),
  );
  if (changed.length === 0) return [];
  return [
    `the config file's ${changed.join(', ')} ${changed.length === 1 ? 'differs' : 'differ'} from what the invitation signed; the signed values are used`,
  ];
}

/** A profile accepted before the token was kept: its chain still verifies its policy. */
function legacyProfile(
  profile: Profile,
  trust: RootTrust,
  refuse: (problems: string[]) => EnforcedProfile,
): EnforcedProfile {
  const chain = profile.policy_chain;
  const last = chain.at(-1);
  const root = chain[0];
  if (!last || !root) return refuse(['the profile is invited but holds no signed invitation']);
  const chainProblems = verifyPolicyChain(chain);
  const advice = reissueAdvice(chain, profile.name);
  if (chainProblems.length > 0) return refuse(advice ? [...chainProblems, advice] : chainProblems);
  const rootProblem = rootTrustProblem(trust, publicKeyFingerprint(root.issuer_key));
  if (rootProblem) return refuse([rootProblem]);
  const signed: Profile = {
    ...profile,
    kind: 'invited',
    role: 'member',
    policy: last.policy,
    can_invite: false,
  };
  if (signsTerms(last)) {
    if (last.budget !== undefined) signed.budget = last.budget;
    else delete signed.budget;
  }
  const problems = cacheMismatches(profile, signed);
  // A verified chain with a link from before terms were signed ends in one: its budget is unsigned.
  if (advice !== undefined && profile.budget !== undefined) {
    problems.push(`the budget of this profile is not covered by a signature: ${advice}`);
  }
  return { profile: signed, problems, refused: false };
}
