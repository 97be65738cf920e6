import { formatUtc, type InvitationPayload } from '../identity/invitationToken.js';
import { TeamConflictError } from './TeamConflictError.js';
import type { TeamItem, TeamStore } from './TeamStore.js';
import { describeTeamStore } from './TeamStore.js';
import { isConditionFailure } from './TeamStoreError.js';
import { teamKeys } from './teamItemKeys.js';

export type InvitationState = 'open' | 'used' | 'revoked' | 'expired';

/** An invitation as the lab's store records it (the token itself is never stored). */
export interface InvitationRecord {
  id: string;
  issuer: string;
  profile: string;
  username?: string;
  policy_digest: string;
  issued_at: string;
  expires_at: string;
  uses_allowed: number;
  uses: number;
  accepted_by: string[];
  /** The invitation the issuer's own profile came from: revoking it stops this chain too. */
  parent_invitation?: string;
  revoked_at?: string;
  revoked_by?: string;
  state: InvitationState;
}

const ATTEMPTS = 8;

/** Records a new invitation (and the policy it hands on, by digest) before its token is given out. */
export async function recordInvitation(
  store: TeamStore,
  payload: InvitationPayload,
  details: { policy_digest: string; uses_allowed: number; parent_invitation?: string },
): Promise<void> {
  await store.put({ ...teamKeys.policy(details.policy_digest), policy: payload.policy as TeamItem[string] });
  await store.put(
    {
      ...teamKeys.invitation(payload.id),
      issuer: payload.issuer,
      profile: payload.profile.name,
      ...(payload.username ? { username: payload.username } : {}),
      policy_digest: details.policy_digest,
      issued_at: payload.issued_at,
      expires_at: payload.expires_at,
      uses_allowed: details.uses_allowed,
      uses: 0,
      state: 'open',
      ...(details.parent_invitation ? { parent_invitation: details.parent_invitation } : {}),
    },
    { exists: false },
  );
}

export function invitationFromItem(item: TeamItem, now: Date): InvitationRecord {
  const text = (key: string): string | undefined =>
    typeof item[key] === 'string' ? (item[key] as string) : undefined;
  const uses = Number(item.uses ?? 0);
  const usesAllowed = Number(item.uses_allowed ?? 1);
  const expiresAt = text('expires_at') ?? '';
  const state: InvitationState =
    text('state') === 'revoked'
      ? 'revoked'
      : uses >= usesAllowed
        ? 'used'
        : Date.parse(expiresAt) <= now.getTime()
          ? 'expired'
          : 'open';
  return {
    id: item.sk,
    issuer: text('issuer') ?? '',
    profile: text('profile') ?? '',
    ...(text('username') ? { username: text('username') } : {}),
    policy_digest: text('policy_digest') ?? '',
    issued_at: text('issued_at') ?? '',
    expires_at: expiresAt,
    uses_allowed: usesAllowed,
    uses,
    accepted_by: Array.isArray(item.accepted_by) ? item.accepted_by.map(String) : [],
    ...(text('parent_invitation') ? { parent_invitation: text('parent_invitation') } : {}),
    ...(text('revoked_at') ? { revoked_at: text('revoked_at') } : {}),
    ...(text('revoked_by') ? { revoked_by: text('revoked_by') } : {}),
    state,
  };
}

export async function listInvitations(store: TeamStore, now: Date = new Date()): Promise<InvitationRecord[]> {
  return (await store.query(teamKeys.invitation('').pk)).map((item) => invitationFromItem(item, now));
}

/**
 * Takes one use of an invitation with a conditional update: it holds only while the invitation is
 * open and has a use left, so of two accepts at once exactly one succeeds. A local store has no
 * record of an invitation issued on another machine: the first accept here records it, used once.
 * `attempt` marks the use pending (in the same write) until `confirmInvitationUse`: an accept that
 * died before it finished is resumed by the same attempt (this machine's), never by another.
 * Returns how to give the use back if the accept fails afterwards.
 */
export async function takeInvitationUse(
  store: TeamStore,
  payload: InvitationPayload,
  acceptedBy: string,
  now: Date = new Date(),
  attempt?: string,
): Promise<() => Promise<void>> {
  const key = teamKeys.invitation(payload.id);
  const pending: Record<string, string[]> = attempt ? { pending: [attempt] } : {};
  const release = async () => {
    await store.update(key, {
      add: { uses: -1 },
      remove_from_set: { accepted_by: [acceptedBy], ...pending },
    });
  };
  for (let round = 0; round < ATTEMPTS; round += 1) {
    const item = await store.get(key);
    // This attempt took the use before it was cut short: it goes on with it.
    if (attempt && Array.isArray(item?.pending) && item.pending.includes(attempt)) return release;
    if (!item) {
      if (store.location.kind !== 'local') {
        throw new TeamConflictError(
          `this invitation is not recorded in the lab's store (${describeTeamStore(store.location)}); ask its issuer to create it again from a profile that uses this store`,
        );
      }
      try {
        await store.put(
          {
            ...key,
            issuer: payload.issuer,
            profile: payload.profile.name,
            policy_digest: '',
            issued_at: payload.issued_at,
            expires_at: payload.expires_at,
            uses_allowed: 1,
            uses: 1,
            accepted_by: [acceptedBy],
            ...pending,
            state: 'open',
          },
          { exists: false },
        );
        return release;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        continue;
      }
    }
    const record = invitationFromItem(item, now);
    refuseUnusable(record);
    try {
      await store.update(
        key,
        { add: { uses: 1 }, add_to_set: { accepted_by: [acceptedBy], ...pending } },
        { all: [{ equals: ['state', 'open'] }, { equals: ['uses', record.uses] }] },
      );
      return release;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
  throw new TeamConflictError('this invitation is being accepted elsewhere at this moment: try again');
}

/** The accept finished: its use is no longer pending (a marker left by a failed write is inert). */
export async function confirmInvitationUse(store: TeamStore, id: string, attempt: string): Promise<void> {
  await store.update(teamKeys.invitation(id), { remove_from_set: { pending: [attempt] } }, { exists: true });
}

function refuseUnusable(record: InvitationRecord): void {
  if (record.state === 'revoked') {
    throw new TeamConflictError(
      `this invitation was revoked${record.revoked_by ? ` by ${record.revoked_by}` : ''}${record.revoked_at ? ` on ${formatUtc(record.revoked_at)}` : ''}`,
    );
  }
  if (record.state === 'used') {
    throw new TeamConflictError(
      `this invitation has been used (${record.uses} of ${record.uses_allowed} use${record.uses_allowed === 1 ? '' : 's'}, by ${record.accepted_by.join(', ') || 'someone'}); ask its issuer for a new one`,
    );
  }
}

/** Marks an invitation revoked: refused at accept, and launches of profiles from it stop. */
export async function revokeInvitation(
  store: TeamStore,
  id: string,
  revokedBy: string,
  now: Date = new Date(),
): Promise<InvitationRecord> {
  try {
    const item = await store.update(
      teamKeys.invitation(id),
      { set: { state: 'revoked', revoked_at: now.toISOString(), revoked_by: revokedBy } },
      { exists: true },
    );
    return invitationFromItem(item, now);
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    throw new TeamConflictError(`no invitation with id '${id}' in ${describeTeamStore(store.location)}`);
  }
}

/**
 * The revoked invitation in a profile's chain, if any: its own invitation, then the one its
 * issuer's profile came from, and so on up to the root.
 */
export async function revokedInChain(
  store: TeamStore,
  invitationId: string,
): Promise<InvitationRecord | undefined> {
  const seen = new Set<string>();
  let id: string | undefined = invitationId;
  while (id !== undefined && !seen.has(id)) {
    seen.add(id);
    const item = await store.get(teamKeys.invitation(id));
    if (!item) return undefined;
    const record = invitationFromItem(item, new Date());
    if (record.state === 'revoked') return record;
    id = record.parent_invitation;
  }
  return undefined;
}
