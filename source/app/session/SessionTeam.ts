import { LaunchError } from '../../core/launch/LaunchError.js';
import type { LaunchContext } from '../../core/launch/launchWorkstation.js';
import { type Instance, TAG } from '../../core/ports.js';
import type { TeamStore } from '../../core/team/TeamStore.js';
import {
  type BudgetedLaunch,
  type BudgetFacts,
  checkTeamBudgets,
} from '../../core/team/teamBudgetRefusal.js';
import { revokedInChain } from '../../core/team/teamInvitations.js';
import {
  acquireRunningLeases,
  releaseRunningLeases,
  teamLaunchClaim,
} from '../../core/team/teamLaunchClaim.js';
import { releaseWorkstationName } from '../../core/team/workstationNames.js';
import type { Workstation } from '../../core/workstations/Workstation.js';

/** How long a "not revoked" answer is trusted before the store is asked again (ms). */
const CHAIN_CHECK_TTL_MS = 60_000;

export interface SessionTeamOptions {
  store?: TeamStore;
  /** Why the store could not be opened: what needs it is refused with this reason. */
  unavailable?: string;
  profile: string;
  /** The invited profile's invitation: a revoked one anywhere up its chain stops launches. */
  invitation_id?: string;
  cap: number | undefined;
  instances: () => Promise<Instance[]>;
  /** Where a warning goes when a check could not reach the store. */
  notices: string[];
}

/** A session's use of the team store: claims at launch, releases at stop and terminate. */
export class SessionTeam {
  private readonly options: SessionTeamOptions;
  private chainCheckedAt = 0;

  get store(): TeamStore | undefined {
    return this.options.store;
  }

  get unavailable(): string | undefined {
    return this.options.unavailable;
  }

  constructor(options: SessionTeamOptions) {
    this.options = options;
  }

  /** The launch pipeline's claim hook; without a store, one that refuses with the reason. */
  claimLaunch(): NonNullable<LaunchContext['claimLaunch']> {
    const { store, unavailable, cap, instances } = this.options;
    if (store) return teamLaunchClaim(store, { cap, instances });
    return async () => {
      throw new LaunchError(
        'run-instance',
        `the lab's team store is needed to reserve the name and the running lease: ${unavailable ?? 'it is not available'}`,
        'Retry when the store can be reached; nothing was started.',
      );
    };
  }

  /** Refuses a launch when the store says the profile's invitation chain was revoked. */
  async checkChain(now: number = Date.now()): Promise<void> {
    const { store, invitation_id } = this.options;
    if (!store || invitation_id === undefined || now - this.chainCheckedAt < CHAIN_CHECK_TTL_MS) return;
    let revoked: Awaited<ReturnType<typeof revokedInChain>>;
    try {
      revoked = await revokedInChain(store, invitation_id);
    } catch (error) {
      this.options.notices.push(
        `whether this profile's invitation was revoked could not be checked: ${(error as Error).message}`,
      );
      return;
    }
    if (revoked) {
      throw new LaunchError(
        'check-policy',
        `the invitation ${revoked.id} this profile's chain comes from was revoked${revoked.revoked_by ? ` by ${revoked.revoked_by}` : ''}: launches are refused`,
        'Ask the lab for a new invitation.',
      );
    }
    this.chainCheckedAt = now;
  }

  /** Refuses a launch whose user's or project's budget in the store is spent, or cannot be read. */
  checkBudgets(launch: BudgetedLaunch, facts: BudgetFacts): Promise<void> {
    return checkTeamBudgets(this.options.store, this.options.unavailable, launch, facts);
  }

  /** Before a stopped workstation starts: it needs running leases under the caps again. */
  async beforeStart(workstation: Workstation): Promise<void> {
    const { store, cap, instances } = this.options;
    const launchId = launchIdOf(workstation);
    if (!store || !launchId || !workstation.research_user) return;
    await acquireRunningLeases(store, {
      research_user: workstation.research_user,
      launch_id: launchId,
      policy_cap: cap,
      overridden: false,
      instances: await instances(),
      now: new Date(),
    });
  }

  /** After a stop the app made itself (a budget's): the leases go; best effort, never blocking. */
  async releasedInstance(instance: Instance): Promise<void> {
    const { store, notices } = this.options;
    const launchId = instance.client_token ?? instance.tags[TAG.launchId];
    if (!store || !launchId) return;
    await releaseRunningLeases(store, instance.tags[TAG.researchUser], launchId).catch((error: unknown) => {
      notices.push(`the team store was not updated for ${instance.name}: ${(error as Error).message}`);
    });
  }

  /** After a stop (the lease goes) or a terminate (the name goes too); best effort, never blocking. */
  async released(workstation: Workstation, terminated: boolean): Promise<void> {
    const { store, profile, notices } = this.options;
    const launchId = launchIdOf(workstation);
    if (!store || !launchId) return;
    try {
      await releaseRunningLeases(store, workstation.research_user, launchId);
      if (terminated)
        await releaseWorkstationName(store, workstation.profile ?? profile, workstation.name, launchId);
    } catch (error) {
      // A lease left behind is dropped as stale at the next launch: warn, do not fail the stop.
      notices.push(`the team store was not updated for ${workstation.name}: ${(error as Error).message}`);
    }
  }
}

function launchIdOf(workstation: Workstation): string | undefined {
  return workstation.instance?.client_token ?? workstation.instance?.tags[TAG.launchId];
}
