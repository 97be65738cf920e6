import type { LaunchClaim, ReleaseLaunchClaim } from '../launch/LaunchClaim.js';
import { type Instance, TAG } from '../ports.js';
import { acquireRunningLease, releaseRunningLease } from './runningLeases.js';
import type { TeamStore } from './TeamStore.js';
import { userScope } from './teamItemKeys.js';
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
const launchIdOf = (instance: Instance) => instance.client_token ?? instance.tags[TAG.launchId] ?? '';

/**
 * The launch pipeline's claim on the team store: the profile's name (one instance per live name),
 * then a running lease of the research user under the cap (across every profile and machine).
 * When the lease is refused the name is given back, so a refused launch holds nothing.
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
    const runningOfUser = instances.filter(
      (instance) => instance.tags[TAG.researchUser] === claim.research_user && running(instance),
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
    const scope = userScope(claim.research_user);
    try {
      await acquireRunningLease(store, {
        scope,
        launch_id: claim.launch_id,
        cap: claim.overridden ? undefined : options.cap,
        running_launch_ids: new Set(runningOfUser.map(launchIdOf)),
        now,
      });
    } catch (error) {
      await releaseWorkstationName(store, claim.profile, claim.name, claim.launch_id);
      throw error;
    }
    return async () => {
      await releaseRunningLease(store, scope, claim.launch_id);
      await releaseWorkstationName(store, claim.profile, claim.name, claim.launch_id);
    };
  };
}
