import type { Profile } from '../core/config/profileSchema.js';
import { type EnforcedProfile, enforcedProfile } from '../core/identity/enforcedProfile.js';
import { PinnedRootStore } from '../core/identity/PinnedRootStore.js';
import { loadRootTrust } from '../core/identity/RootTrust.js';
import { resolveAppPaths } from '../core/paths.js';
import type { CommandContext } from './Command.js';

/**
 * A profile as a command must treat it: its signed terms in place of the config file's cache, with
 * each problem told on stderr (see enforcedProfile).
 */
export async function governedProfileForCommand(
  context: CommandContext,
  profile: Profile,
): Promise<EnforcedProfile> {
  const trust = await loadRootTrust(context.env, new PinnedRootStore(resolveAppPaths(context.env).stateDir));
  const enforced = enforcedProfile(profile, trust);
  for (const problem of enforced.problems) context.stderr(`cws-tui: profile '${profile.name}': ${problem}\n`);
  return enforced;
}
