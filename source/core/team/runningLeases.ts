import { TeamConflictError } from './TeamConflictError.js';
import type { TeamStore } from './TeamStore.js';
import { isConditionFailure } from './TeamStoreError.js';
import { teamKeys } from './teamItemKeys.js';

/** A lease whose launch has no pending or running instance after this long is dropped (ms). */
export const STALE_LEASE_MS = 15 * 60_000;

export interface LeaseClaim {
  /** `USER#<name>` or `LAB`: whose running workstations are counted. */
  scope: string;
  launch_id: string;
  /** At most this many leases; undefined: no cap, the lease is only recorded. */
  cap: number | undefined;
  /** The rule the cap comes from, named in the refusal (max_running_per_user when not given). */
  rule?: string;
  /** Launch ids (client tokens) of the pending or running instances counted in this scope. */
  running_launch_ids: ReadonlySet<string>;
  now: Date;
}

function launchOf(holder: string): string {
  return holder.slice(0, holder.lastIndexOf('@'));
}

function stale(holder: string, claim: LeaseClaim): boolean {
  const at = Date.parse(holder.slice(holder.lastIndexOf('@') + 1));
  return !claim.running_launch_ids.has(launchOf(holder)) && claim.now.getTime() - at > STALE_LEASE_MS;
}

/**
 * Takes a running lease: one member of the scope's lease set, added by a conditional update that
 * holds only while the set is below the cap, so parallel launches on any number of machines never
 * exceed it. Leases of workstations no longer running (stopped or gone without a release) are
 * dropped first. Returns the number of leases now held.
 */
export async function acquireRunningLease(store: TeamStore, claim: LeaseClaim): Promise<number> {
  const key = teamKeys.leases(claim.scope);
  const holders = stringsOf((await store.get(key))?.holders);
  if (holders.some((holder) => launchOf(holder) === claim.launch_id)) return holders.length;
  const dropped = holders.filter((holder) => stale(holder, claim));
  if (dropped.length > 0) await store.update(key, { remove_from_set: { holders: dropped } });
  const holder = `${claim.launch_id}@${claim.now.toISOString()}`;
  try {
    const updated = await store.update(
      key,
      { add_to_set: { holders: [holder] } },
      claim.cap === undefined ? undefined : { size_below: ['holders', claim.cap] },
    );
    return stringsOf(updated.holders).length;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    throw new TeamConflictError(
      `${claim.cap} running workstation${claim.cap === 1 ? ' is' : 's are'} the most ${claim.scope === 'LAB' ? 'the lab' : claim.scope.replace(/^USER#/, '')} may have (${claim.rule ?? 'max_running_per_user'}), and that many are running or starting: stop one first`,
    );
  }
}

/** Releases a launch's lease (stopped, terminated, or a launch that failed before it ran). */
export async function releaseRunningLease(store: TeamStore, scope: string, launchId: string): Promise<void> {
  const key = teamKeys.leases(scope);
  const mine = stringsOf((await store.get(key))?.holders).filter((holder) => launchOf(holder) === launchId);
  if (mine.length > 0) await store.update(key, { remove_from_set: { holders: mine } });
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}
