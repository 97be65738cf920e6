import type { Budget } from '../cost/Budget.js';
import type { ResearchUser } from '../identity/ResearchUser.js';
import { UID_RANGE_SIZE, UID_RANGE_START } from '../identity/uidRanges.js';
import type { TeamItem, TeamStore } from './TeamStore.js';
import { isConditionFailure } from './TeamStoreError.js';
import { teamKeys } from './teamItemKeys.js';

/** What this machine holds that the lab's store should: read from its files by the caller. */
export interface LocalTeamData {
  accounts: string[];
  users: ResearchUser[];
  retired_uids: number[];
  invitations: TeamItem[];
  /** Budgets by scope (`LAB`, `USER#<name>`, `PROJECT#<name>`). */
  budgets: Array<{ scope: string; budget: Budget }>;
}

export interface MigrationPlan {
  users: ResearchUser[];
  invitations: TeamItem[];
  budgets: Array<{ scope: string; budget: Budget }>;
  /** Already in the store as they are here: nothing to do. */
  unchanged: string[];
  /** Each conflict in a sentence; nothing is written while there is one. */
  conflicts: string[];
}

function rangeIndexOf(uid: number): number {
  return Math.floor((uid - UID_RANGE_START) / UID_RANGE_SIZE);
}

/**
 * Compares this machine's users, invitations and budgets with the store: a user the store has
 * with another UID, a UID the store gives someone else, an account whose range differs, or a budget
 * that differs is a conflict. No existing UID ever changes.
 */
export async function planTeamMigration(store: TeamStore, local: LocalTeamData): Promise<MigrationPlan> {
  const plan: MigrationPlan = { users: [], invitations: [], budgets: [], unchanged: [], conflicts: [] };
  for (const [index, account] of local.accounts.entries()) {
    const recorded = await store.get(teamKeys.account(account));
    if (recorded && recorded.range_index !== index) {
      plan.conflicts.push(
        `account ${account} has UID range ${index} here and ${String(recorded.range_index)} in the store`,
      );
    }
  }
  for (const user of local.users) {
    const [stored, uidItem] = await Promise.all([
      store.get(teamKeys.user(user.username)),
      store.get(teamKeys.uid(user.uid)),
    ]);
    if (stored && stored.uid !== user.uid) {
      plan.conflicts.push(
        `user ${user.username} has UID ${user.uid} here and ${String(stored.uid)} in the store`,
      );
    } else if (uidItem && uidItem.username !== user.username) {
      plan.conflicts.push(
        `UID ${user.uid} is ${user.username}'s here and ${String(uidItem.username)}'s in the store`,
      );
    } else if (stored) {
      plan.unchanged.push(`user ${user.username}`);
    } else {
      plan.users.push(user);
    }
  }
  for (const uid of local.retired_uids) {
    const uidItem = await store.get(teamKeys.uid(uid));
    if (uidItem && uidItem.state !== 'retired') {
      plan.conflicts.push(`UID ${uid} is retired here and ${String(uidItem.username)}'s in the store`);
    }
  }
  for (const invitation of local.invitations) {
    if (await store.get(invitation)) plan.unchanged.push(`invitation ${invitation.sk}`);
    else plan.invitations.push(invitation);
  }
  for (const entry of local.budgets) {
    const stored = await store.get(teamKeys.budget(entry.scope));
    if (!stored) plan.budgets.push(entry);
    else if (JSON.stringify(stored.budget) === JSON.stringify(entry.budget))
      plan.unchanged.push(`budget ${entry.scope}`);
    else plan.conflicts.push(`the budget of ${entry.scope} differs here from the store's`);
  }
  return plan;
}

/**
 * Writes a conflict-free plan: accounts with their ranges, each UID item and user (conditional puts,
 * so a user created meanwhile elsewhere is kept), the retired UIDs, and counters raised past them.
 */
export async function applyTeamMigration(
  store: TeamStore,
  local: LocalTeamData,
  plan: MigrationPlan,
  by: string,
): Promise<void> {
  if (plan.conflicts.length > 0) throw new Error('a migration with conflicts is never written');
  for (const [index, account] of local.accounts.entries()) {
    await putIfAbsent(store, { ...teamKeys.account(account), range_index: index });
  }
  await raiseCounter(store, 'ACCOUNTS', local.accounts.length);
  for (const user of plan.users) {
    const account = local.accounts[rangeIndexOf(user.uid)] ?? 'migrated';
    await putIfAbsent(store, {
      ...teamKeys.uid(user.uid),
      state: 'assigned',
      username: user.username,
      account,
    });
    const { ssh_private_key_path: _local, ...shared } = user;
    await putIfAbsent(store, {
      ...teamKeys.user(user.username),
      ...(JSON.parse(JSON.stringify(shared)) as Record<string, TeamItem[string]>),
      created_by: by,
      account,
    });
  }
  for (const uid of local.retired_uids) {
    await putIfAbsent(store, { ...teamKeys.uid(uid), state: 'retired', username: '', account: 'migrated' });
  }
  for (const [index, account] of local.accounts.entries()) {
    const first = UID_RANGE_START + index * UID_RANGE_SIZE;
    const used = [...local.users.map((user) => user.uid), ...local.retired_uids].filter(
      (uid) => rangeIndexOf(uid) === index,
    );
    if (used.length > 0) await raiseCounter(store, `UID#${account}`, Math.max(...used) - first + 1);
  }
  for (const invitation of plan.invitations) await putIfAbsent(store, invitation);
  for (const entry of plan.budgets) {
    await putIfAbsent(store, {
      ...teamKeys.budget(entry.scope),
      scope: entry.scope,
      budget: JSON.parse(JSON.stringify(entry.budget)) as TeamItem[string],
    });
  }
}

async function putIfAbsent(store: TeamStore, item: TeamItem): Promise<void> {
  try {
    await store.put(item, { exists: false });
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

/** Raises a counter to at least `value` (never lowers it: a UID handed out stays handed out). */
async function raiseCounter(store: TeamStore, name: string, value: number): Promise<void> {
  const key = teamKeys.counter(name);
  for (;;) {
    const current = await store.get(key);
    const next = typeof current?.next === 'number' ? current.next : 0;
    if (next >= value) return;
    try {
      await store.update(
        key,
        { set: { next: value } },
        current ? { equals: ['next', next] } : { exists: false },
      );
      return;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
}
