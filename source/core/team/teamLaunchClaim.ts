import type { LaunchClaim, ReleaseLaunchClaim } from '../launch/LaunchClaim.js';
import { LaunchRefusedError } from '../launch/LaunchRefusedError.js';
import { type Instance, TAG } from '../ports.js';
import { acquireRunningLease, releaseRunningLease } from './runningLeases.js';
import { TeamConflictError } from './TeamConflictError.js';
import type { TeamStore } from './TeamStore.js';
import { runningCapsFor } from './teamCaps.js';
import { LAB_SCOPE, userScope } from './teamItemKeys.js';
import { releaseWorkstationName, reserveWorkstationName } from './workstationNames.js';

export interface TeamLaunchClaimOptions {
  /** The policy's max_running_per_user; undefined records leases without a cap. */
  cap: number | undefined;
  /** The account's managed instances now, to tell a stale claim from a live one. */
  instances: () => Promise<Instance[]>;
  now?: () => Date;
}

const gone = (instance: Instance) => instance.state === 'terminated' || instance.state === 'shutting-down';
const running = (instance: Instance) => instance.state === 'pending' || instance.state === 'running';
export const launchIdOf = (instance: Instance) => instance.client_token ?? instance.tags[TAG.launchId] ?? '';

/** Running leases of a user and of the lab for one workstation, each under its cap. */
export interface LeaseRequest {
  research_user: string;
  launch_id: string;
  /** The policy's max_running_per_user, or none (an admin's override lifts every cap). */
  policy_cap: number | undefined;
  overridden: boolean;
  instances: readonly Instance[];
  now: Date;
}

/**
 * Takes the user's lease, then the lab's, each a conditional write on its own item under its cap
 * (the policy's and the store's for the user, the store's for the lab). When the lab refuses, the
 * user's lease is given back; a process that dies between the two leaves a lease whose launch has
 * no instance, which the next claim drops once stale. A cap refusal is a denial (exit 3).
 */
export async function acquireRunningLeases(store: TeamStore, request: LeaseRequest): Promise<void> {
  const caps = await runningCapsFor(store, request.research_user, request.policy_cap);
  const live = request.instances.filter(running);
  const userLease = {
    scope: userScope(request.research_user),
    launch_id: request.launch_id,
    cap: request.overridden ? undefined : caps.user?.limit,
    ...(caps.user ? { rule: caps.user.rule } : {}),
    running_launch_ids: new Set(
      live.filter((instance) => instance.tags[TAG.researchUser] === request.research_user).map(launchIdOf),
    ),
    now: request.now,
  };
  await refusedAsDenial(() => acquireRunningLease(store, userLease));
  try {
    await refusedAsDenial(() =>
      acquireRunningLease(store, {
        scope: LAB_SCOPE,
        launch_id: request.launch_id,
        cap: request.overridden ? undefined : caps.lab?.limit,
        ...(caps.lab ? { rule: caps.lab.rule } : {}),
        running_launch_ids: new Set(live.map(launchIdOf)),
        now: request.now,
      }),
    );
  } catch (error) {
    await releaseRunningLease(store, userLease.scope, request.launch_id).catch(() => {});
    throw error;
  }
}

/** Gives back both leases of a workstation (stopped, terminated, or a launch that failed). */
export async function releaseRunningLeases(
  store: TeamStore,
  researchUser: string | undefined,
  launchId: string,
): Promise<void> {
  if (researchUser) await releaseRunningLease(store, userScope(researchUser), launchId);
  await releaseRunningLease(store, LAB_SCOPE, launchId);
}

async function refusedAsDenial(take: () => Promise<number>): Promise<void> {
  try {
    await take();
  } catch (error) {
    if (error instanceof TeamConflictError) throw new LaunchRefusedError(error.message);
    throw error;
  }
}

/**
 * The launch pipeline's claim on the team store: the profile's name (one instance per live name),
 * then running leases of the research user and of the lab under their caps (across every profile
 * and machine). When a lease is refused the name is given back, so a refused launch holds nothing.
 */
export function teamLaunchClaim(
  store: TeamStore,
  options: TeamLaunchClaimOptions,
): (claim: LaunchClaim) => Promise<ReleaseLaunchClaim> {
  return async (claim) => {
    const now = options.now?.() ?? new Date();
    const instances = await options.instances();
    const liveInProfile = instances.filter(
      (instance) => instance.tags[TAG.profile] === claim.profile && !gone(instance),
    );
    await reserveWorkstationName(store, {
      profile: claim.profile,
      name: claim.name,
      launch_id: claim.launch_id,
      research_user: claim.research_user,
      owner: claim.owner,
      live_launch_ids: new Set(liveInProfile.map(launchIdOf)),
      now,
    });
    try {
      await acquireRunningLeases(store, {
        research_user: claim.research_user,
        launch_id: claim.launch_id,
        policy_cap: options.cap,
        overridden: claim.overridden,
        instances,
        now,
      });
    } catch (error) {
      await releaseWorkstationName(store, claim.profile, claim.name, claim.launch_id);
      throw error;
    }
    return async () => {
      await releaseRunningLeases(store, claim.research_user, claim.launch_id);
      await releaseWorkstationName(store, claim.profile, claim.name, claim.launch_id);
    };
  };
}
