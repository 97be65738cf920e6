import { join } from 'node:path';
import { ConfigStore } from '../../core/config/ConfigStore.js';
import type { Profile } from '../../core/config/profileSchema.js';
import type { AcceptedInvitation, AcceptInvitationOptions } from '../../core/identity/acceptInvitation.js';
import { accountForNewUser } from '../../core/identity/accountForNewUser.js';
import type {
  CreatedResearchUser,
  CreateResearchUserRequest,
} from '../../core/identity/createResearchUser.js';
import { PinnedRootStore } from '../../core/identity/PinnedRootStore.js';
import type { ResearchUserStore } from '../../core/identity/ResearchUserStore.js';
import type { AppPaths } from '../../core/paths.js';
import { DEMO_ACCOUNT_PROFILE } from './demoAccountProfile.js';
import { SessionError } from './SessionError.js';

/** The profiles of the config file, for the profile switcher and the policy viewer. */
export interface ProfileListing {
  profiles: Profile[];
  /** The profile new sessions open with. */
  current?: string;
  /** Problems found reading the config file (it was set aside and defaults are used). */
  problems: string[];
}

export interface InvitationAcceptance {
  token: string;
  /** Overrides the profile name the invitation suggests. */
  profile_name?: string;
  /** Overrides the username the invitation suggests. */
  username?: string;
}

function openConfig(paths: AppPaths): ConfigStore {
  return ConfigStore.open(paths.configDir);
}

export function listProfiles(paths: AppPaths): ProfileListing {
  const config = openConfig(paths);
  const current = config.currentProfileName();
  return {
    profiles: config.listProfiles(),
    ...(current !== undefined ? { current } : {}),
    problems: config.problems.map(
      (problem) => `the config file had a problem at ${problem.key}: ${problem.message}`,
    ),
  };
}

/**
 * Makes `name` the profile new sessions (and commands) open with, as `profiles use` does; the demo
 * account's row makes none current.
 */
export function makeCurrentProfile(paths: AppPaths, name: string): void {
  if (name === DEMO_ACCOUNT_PROFILE) openConfig(paths).clearCurrentProfile();
  else openConfig(paths).setCurrentProfile(name);
}

/** Deletes a profile as `profiles delete` does; the one this session runs as is refused. */
export function deleteProfileNamed(paths: AppPaths, name: string, sessionProfile: string): void {
  if (name === sessionProfile)
    throw new SessionError(`profile ${name} is the one this session runs as: switch to another first`);
  if (!openConfig(paths).deleteProfile(name)) throw new SessionError(`no profile named '${name}'`);
}

// Accepting an invitation and creating a user (key pairs, UID ranges) are loaded when done, never by
// a session that only lists.

/** Accepts an invitation token exactly as `invite accept` does: the same core function. */
export async function acceptInvitationToken(
  paths: AppPaths,
  users: ResearchUserStore,
  acceptance: InvitationAcceptance,
  env: NodeJS.ProcessEnv,
  takeUse?: AcceptInvitationOptions['takeUse'],
): Promise<AcceptedInvitation> {
  const { acceptInvitation } = await import('../../core/identity/acceptInvitation.js');
  return acceptInvitation(acceptance.token.trim(), {
    config: openConfig(paths),
    users,
    ...(takeUse ? { takeUse } : {}),
    keysDir: join(paths.stateDir, 'keys'),
    pins: new PinnedRootStore(paths.stateDir),
    env,
    ...(acceptance.profile_name ? { profile_name: acceptance.profile_name } : {}),
    ...(acceptance.username ? { username: acceptance.username } : {}),
  });
}

/** Creates a research user as `users create` does, from the UID range of the profile's account. */
export async function createResearchUserFor(
  paths: AppPaths,
  users: ResearchUserStore,
  profileName: string,
  callerAccount: () => Promise<string>,
  request: CreateResearchUserRequest,
): Promise<CreatedResearchUser> {
  const profile = openConfig(paths).getProfile(profileName);
  const { createResearchUser } = await import('../../core/identity/createResearchUser.js');
  return createResearchUser(
    users,
    join(paths.stateDir, 'keys'),
    await accountForNewUser(profile, callerAccount),
    request,
  );
}
