import { describeTeamStore, type TeamStore } from './TeamStore.js';
import { isConditionFailure, TeamStoreError } from './TeamStoreError.js';
import { TEAM_FORMAT_VERSION, teamKeys } from './teamItemKeys.js';

/**
 * Checks that the store is one this version of the app may write: its format item says so. A local
 * store gets the item on first use (`create`; a read-only look at a local store without one writes
 * nothing: it is empty); a DynamoDB table gets it from `team init`, and a table without it (someone
 * else's) or with a newer format is refused.
 */
export async function checkTeamFormat(
  store: TeamStore,
  now: Date = new Date(),
  create = true,
): Promise<void> {
  let item = await store.get(teamKeys.format());
  if (!item && store.location.kind === 'local') {
    if (!create) return;
    await initialiseTeamFormat(store, now);
    item = await store.get(teamKeys.format());
  }
  const where = describeTeamStore(store.location);
  if (!item) {
    throw new TeamStoreError(
      'refused',
      `${where} is not a cws-tui team store (it has no format item); it was left untouched: create one with 'cws-tui team init'`,
    );
  }
  const format = item.format;
  if (typeof format !== 'number') {
    throw new TeamStoreError('refused', `${where} has an unreadable format item; it was left untouched`);
  }
  if (format > TEAM_FORMAT_VERSION) {
    throw new TeamStoreError(
      'refused',
      `${where} has format ${format}, newer than this cws-tui writes (${TEAM_FORMAT_VERSION}); it was left untouched: upgrade cws-tui`,
    );
  }
}

/** Writes the format item of a new store (`team init`); an existing one is left as it is. */
export async function initialiseTeamFormat(store: TeamStore, now: Date = new Date()): Promise<void> {
  try {
    await store.put(
      { ...teamKeys.format(), format: TEAM_FORMAT_VERSION, created_at: now.toISOString() },
      { exists: false },
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}
