import { TeamConflictError } from './TeamConflictError.js';
import type { TeamStore } from './TeamStore.js';
import { isConditionFailure } from './TeamStoreError.js';
import { teamKeys } from './teamItemKeys.js';

/** A reservation older than this whose launch left no live instance is taken over (ms). */
export const STALE_RESERVATION_MS = 15 * 60_000;

export interface NameClaim {
  profile: string;
  name: string;
  launch_id: string;
  research_user: string;
  owner: string;
  /** Launch ids (client tokens) of the profile's live instances: a holder among them is never stale. */
  live_launch_ids: ReadonlySet<string>;
  now: Date;
}

/**
 * Reserves a profile's workstation name for one launch with a conditional put: free, or already
 * this launch's (a retry). A reservation left by a launch that started nothing (it failed or was
 * interrupted) is taken over once it is stale; one whose launch has a live instance never is.
 */
export async function reserveWorkstationName(store: TeamStore, claim: NameClaim): Promise<void> {
  const key = teamKeys.name(claim.profile, claim.name);
  const item = {
    ...key,
    launch_id: claim.launch_id,
    research_user: claim.research_user,
    owner: claim.owner,
    reserved_at: claim.now.toISOString(),
  };
  try {
    await store.put(item, { any: [{ exists: false }, { equals: ['launch_id', claim.launch_id] }] });
    return;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
  const holder = await store.get(key);
  const holderLaunch = String(holder?.launch_id ?? '');
  const reservedAt = Date.parse(String(holder?.reserved_at ?? ''));
  const stale =
    holder !== undefined &&
    !claim.live_launch_ids.has(holderLaunch) &&
    claim.now.getTime() - reservedAt > STALE_RESERVATION_MS;
  if (stale) {
    try {
      await store.put(item, { equals: ['launch_id', holderLaunch] });
      return;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
  const who = holder
    ? `${holder.research_user} (${holder.owner}), since ${holder.reserved_at}`
    : 'another launch';
  throw new TeamConflictError(
    `the name '${claim.name}' is held in profile '${claim.profile}' by ${who}: choose another name`,
  );
}

/** Frees the name when this launch holds it (a newer launch's reservation is left alone). */
export async function releaseWorkstationName(
  store: TeamStore,
  profile: string,
  name: string,
  launchId: string,
): Promise<void> {
  try {
    await store.delete(teamKeys.name(profile, name), { equals: ['launch_id', launchId] });
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}
