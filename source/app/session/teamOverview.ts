import type { Budget } from '../../core/cost/Budget.js';
import type { ResearchUserStore } from '../../core/identity/ResearchUserStore.js';
import { appendTeamAudit } from '../../core/team/appendTeamAudit.js';
import { sshKeyFingerprint } from '../../core/team/sshKeyFingerprint.js';
import type { TeamResearchUser } from '../../core/team/TeamResearchUserStore.js';
import { describeTeamStore, type TeamStore } from '../../core/team/TeamStore.js';
import { listTeamBudgets } from '../../core/team/teamBudgets.js';
import { listTeamCaps } from '../../core/team/teamCaps.js';
import { type InvitationRecord, listInvitations, revokeInvitation } from '../../core/team/teamInvitations.js';

export interface TeamUserRow {
  username: string;
  uid: number;
  email: string;
  key_fingerprint: string;
  created_by: string;
}

/** The lab as the team store has it: what the `:team` page lists. */
export interface TeamOverview {
  store: string;
  /** Admin profiles may revoke invitations from the page. */
  can_revoke: boolean;
  users: TeamUserRow[];
  invitations: InvitationRecord[];
  budgets: Array<{ scope: string; budget: Budget }>;
  /** The running caps of the store (`team cap`): the lab's, every user's, one user's. */
  caps: Array<{ scope: string; max_running: number }>;
  /** Why a part could not be read (the store is unreachable): the rest still shows. */
  problems: string[];
}

export async function loadTeamOverview(options: {
  store?: TeamStore;
  unavailable?: string;
  description: string;
  users: ResearchUserStore;
  admin: boolean;
}): Promise<TeamOverview> {
  const problems: string[] = options.unavailable ? [options.unavailable] : [];
  const settle = async <T>(what: string, load: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await load();
    } catch (error) {
      problems.push(`${what}: ${(error as Error).message}`);
      return fallback;
    }
  };
  const { store } = options;
  // Users come from the cache when the store is unreachable: a read-only view keeps working.
  const users = await settle('users', () => options.users.list(), []);
  const invitations = store ? await settle('invitations', () => listInvitations(store), []) : [];
  const budgets = store ? await settle('budgets', () => listTeamBudgets(store), []) : [];
  const caps = store ? await settle('caps', () => listTeamCaps(store), []) : [];
  return {
    store: store ? describeTeamStore(store.location) : options.description,
    can_revoke: options.admin && store !== undefined,
    users: users.map((user) => ({
      username: user.username,
      uid: user.uid,
      email: user.email ?? '',
      key_fingerprint: sshKeyFingerprint(user.ssh_public_keys[0]),
      created_by: (user as TeamResearchUser).created_by ?? '',
    })),
    invitations,
    budgets,
    caps,
    problems,
  };
}

/** Revokes an invitation from the page: admin profiles only, audited in the store. */
export async function revokeFromPage(
  store: TeamStore | undefined,
  admin: boolean,
  id: string,
  by: string,
): Promise<void> {
  if (!store) throw new Error('the team store cannot be reached: nothing was revoked');
  if (!admin) throw new Error('only an admin profile may revoke invitations');
  await revokeInvitation(store, id, by);
  await appendTeamAudit(store, { action: 'invitation-revoked', id }, by);
}
