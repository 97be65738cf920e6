import type { ResearchUser } from '../identity/ResearchUser.js';
import { researchUserSchema } from '../identity/researchUserSchema.js';
import type { TeamStore } from './TeamStore.js';
import { teamKeys } from './teamItemKeys.js';

/** What `team migrate` carries from one store to another: what `LocalTeamData` holds of users. */
export interface ExportedTeamUsers {
  /** Accounts by UID range index; a range whose account was never recorded keeps a placeholder. */
  accounts: string[];
  users: ResearchUser[];
  /** UIDs no user holds: retired, or claimed by a creation that did not finish; never handed out. */
  retired_uids: number[];
}

/**
 * The research users of a store with their UIDs and ranges, as this machine's local store holds
 * them, for `team migrate` into the lab's table. Store-only attributes are left out.
 */
export async function exportTeamUsers(store: TeamStore): Promise<ExportedTeamUsers> {
  const [accountItems, userItems, uidItems] = await Promise.all([
    store.query(teamKeys.account('').pk),
    store.query(teamKeys.user('').pk),
    store.query(teamKeys.uid(0).pk),
  ]);
  const accounts: string[] = [];
  for (const item of accountItems) {
    if (typeof item.range_index === 'number') accounts[item.range_index] = item.sk;
  }
  const users = userItems.flatMap((item) => {
    const { pk: _pk, sk: _sk, created_by: _by, account: _account, ...fields } = item;
    const parsed = researchUserSchema.safeParse(fields);
    return parsed.success ? [parsed.data] : [];
  });
  const held = new Set(users.map((user) => user.uid));
  return {
    accounts: Array.from(accounts, (account, index) => account ?? `unrecorded-range-${index}`),
    users,
    retired_uids: uidItems.map((item) => Number(item.sk)).filter((uid) => !held.has(uid)),
  };
}
