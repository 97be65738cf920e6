import type { ConfigStore } from '../config/ConfigStore.js';
import type { Profile } from '../config/profileSchema.js';
import { identityDomainProblem } from '../globus/globusDomain.js';
import { accountKeyFor } from './accountKeyFor.js';
import { createResearchUser } from './createResearchUser.js';
import { InvitationError } from './InvitationError.js';
import { decodeInvitationToken, type InvitationPayload } from './invitationToken.js';
import type { PinnedRootStore } from './PinnedRootStore.js';
import type { GlobusIdentity, ResearchUser } from './ResearchUser.js';
import type { ResearchUserStore } from './ResearchUserStore.js';
import { acceptRootProblem, loadRootTrust } from './RootTrust.js';
import { publicKeyFingerprint } from './signingKey.js';

export interface AcceptInvitationOptions {
  config: ConfigStore;
  users: ResearchUserStore;
  keysDir: string;
  /** Overrides the profile name the invitation suggests. */
  profile_name?: string;
  /** Overrides the username the invitation suggests. */
  username?: string;
  full_name?: string;
  email?: string;
  /** The roots pinned here; the chain's root must be one of them (or of the system's), or is pinned now. */
  pins: PinnedRootStore;
  /** For the system config's path (`CWS_SYSTEM_CONFIG`). */
  env: NodeJS.ProcessEnv;
  /** `--root`: the root key fingerprint the institution published, checked before anything else. */
  root?: string;
  now?: Date;
  /**
   * Takes one use of the invitation in the lab's store (a conditional update: single use unless
   * the issuer allowed more), once every check passed and before anything is written; returns how
   * to give it back if writing fails, and to confirm it once the profile is written.
   */
  /** The lab's DynamoDB table the new profile uses (`invite accept --team-store`). */
  team_store?: string;
  /**
   * Signs the invitee in to Globus and gives back the verified identity, for an invitation that
   * requires one; called after the token's checks and before anything is written or taken.
   */
  verifyGlobus?: (requirement: { idp_domain?: string }) => Promise<GlobusIdentity>;
  takeUse?: (
    payload: InvitationPayload,
    username: string,
  ) => Promise<{ giveBack(): Promise<void>; confirm(): Promise<void> }>;
}

export interface AcceptedInvitation {
  profile: Profile;
  user: ResearchUser;
  /** False when a research user of that name already existed and was reused. */
  user_created: boolean;
  private_key_path?: string;
  payload: InvitationPayload;
  /** Fingerprints to compare with the ones the institution publishes. */
  issuer_fingerprint: string;
  root_fingerprint: string;
  /** True when this accept pinned the root for the first time (trust on first use). */
  root_pinned_now: boolean;
}

/**
 * Verifies a token and creates the invited profile, with its research user (new, with a UID and an
 * SSH key pair, or the existing user of that name, who keeps their UID). Everything is checked
 * before anything is written.
 */
export async function acceptInvitation(
  token: string,
  options: AcceptInvitationOptions,
): Promise<AcceptedInvitation> {
  const now = options.now ?? new Date();
  const payload = decodeInvitationToken(token, now);
  const rootFingerprint = publicKeyFingerprint(payload.policy_chain[0]?.issuer_key ?? payload.issuer_key);
  const trust = await loadRootTrust(options.env, options.pins);
  const rootProblem = acceptRootProblem(trust, rootFingerprint, options.root);
  if (rootProblem) throw new InvitationError(rootProblem);
  const profileName = options.profile_name ?? payload.profile.name;
  if (options.config.getProfile(profileName)) {
    throw new InvitationError(
      `a profile named '${profileName}' already exists; accept with --profile <another name>, or delete it first`,
    );
  }
  const username = options.username ?? payload.username;
  if (username === undefined) {
    throw new InvitationError('the invitation names no research user; give one with --user <username>');
  }
  const globus = await requiredGlobusIdentity(payload, options);
  const use = await options.takeUse?.(payload, username);
  let accepted: AcceptedInvitation;
  try {
    accepted = await acceptChecked(payload, options, now, profileName, username, {
      token,
      rootFingerprint,
      rootPinnedBefore: trust.pinned.includes(rootFingerprint),
      ...(globus ? { globus } : {}),
    });
  } catch (error) {
    await use?.giveBack().catch(() => {});
    throw error;
  }
  await use?.confirm();
  return accepted;
}

/** The invitee's verified Globus identity when the invitation requires one, from an allowed domain. */
async function requiredGlobusIdentity(
  payload: InvitationPayload,
  options: AcceptInvitationOptions,
): Promise<GlobusIdentity | undefined> {
  const requirement = payload.require_globus;
  if (!requirement) return undefined;
  if (!options.verifyGlobus) {
    throw new InvitationError(
      `this invitation requires a verified Globus identity${requirement.idp_domain ? ` from ${requirement.idp_domain}` : ''}: accept it with 'cws-tui invite accept', which signs you in to Globus`,
    );
  }
  const identity = await options.verifyGlobus(requirement);
  const problem = requirement.idp_domain
    ? identityDomainProblem(identity, requirement.idp_domain)
    : undefined;
  if (problem) throw new InvitationError(problem);
  return identity;
}

async function acceptChecked(
  payload: InvitationPayload,
  options: AcceptInvitationOptions,
  now: Date,
  profileName: string,
  username: string,
  signed: { token: string; rootFingerprint: string; rootPinnedBefore: boolean; globus?: GlobusIdentity },
): Promise<AcceptedInvitation> {
  const { token, rootFingerprint } = signed;
  const existing = await options.users.get(username);
  let user: ResearchUser;
  let privateKeyPath: string | undefined;
  if (existing) {
    user = existing;
  } else {
    const created = await createResearchUser(options.users, options.keysDir, accountKeyFor(payload.profile), {
      username,
      ...(options.full_name !== undefined ? { full_name: options.full_name } : {}),
      ...(options.email !== undefined ? { email: options.email } : {}),
    });
    user = created.user;
    privateKeyPath = created.private_key_path;
  }
  if (signed.globus) user = await options.users.linkGlobus(username, signed.globus);
  const profile: Profile = {
    name: profileName,
    aws_profile: payload.profile.aws_profile,
    ...(payload.profile.aws_account_id !== undefined
      ? { aws_account_id: payload.profile.aws_account_id }
      : {}),
    region: payload.profile.region,
    research_user: username,
    policy: payload.policy,
    policy_chain: payload.policy_chain,
    ...(payload.budget !== undefined ? { budget: payload.budget } : {}),
    kind: 'invited',
    role: 'member',
    can_invite: payload.can_invite,
    invitation_id: payload.id,
    ...(options.team_store !== undefined ? { team_store: options.team_store } : {}),
    invitation_token: token.replace(/\s+/g, ''),
    ...(signed.globus ? { globus_identity: signed.globus } : {}),
    created_at: now.toISOString(),
  };
  options.config.addProfile(profile);
  const root = payload.policy_chain[0];
  const rootPinnedNow = !signed.rootPinnedBefore;
  await options.pins.pin(rootFingerprint, root?.issuer ?? payload.issuer, profileName, now);
  return {
    profile,
    user,
    user_created: existing === undefined,
    ...(privateKeyPath !== undefined ? { private_key_path: privateKeyPath } : {}),
    payload,
    issuer_fingerprint: publicKeyFingerprint(payload.issuer_key),
    root_fingerprint: rootFingerprint,
    root_pinned_now: rootPinnedNow,
  };
}
