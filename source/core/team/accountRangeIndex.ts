import type { TeamStore } from './TeamStore.js';
import { isConditionFailure } from './TeamStoreError.js';
import { teamKeys } from './teamItemKeys.js';

/**
 * The UID range index of an account: the one recorded for it, or the next one of the `ACCOUNTS`
 * counter, recorded with a conditional put; when another machine recorded one first, that one wins.
 */
export async function accountRangeIndex(store: TeamStore, accountKey: string): Promise<number> {
  const recorded = await store.get(teamKeys.account(accountKey));
  if (typeof recorded?.range_index === 'number') return recorded.range_index;
  const counter = await store.update(teamKeys.counter('ACCOUNTS'), { add: { next: 1 } });
  const index = Number(counter.next) - 1;
  try {
    await store.put({ ...teamKeys.account(accountKey), range_index: index }, { exists: false });
    return index;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const winner = await store.get(teamKeys.account(accountKey));
    if (typeof winner?.range_index !== 'number') throw error;
    return winner.range_index;
  }
}
