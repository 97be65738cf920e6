import type { Profile } from '../config/profileSchema.js';
import { enforcedProfile } from './enforcedProfile.js';
import type { RootTrust } from './RootTrust.js';

export interface VerifiedProfiles {
  /** Each profile with the kind, role, policy and budget its signed chain carries (see enforcedProfile). */
  profiles: Profile[];
  /** Hand edits and chains that do not verify, each naming its profile. */
  problems: string[];
  /** The profiles that may launch nothing until their invitation is accepted again. */
  refused: string[];
}

/**
 * The profiles as lists show them: what was verified from the signed chain, never the config
 * file's cached kind or role (a member who edits `"role": "admin"` in the file is still listed as
 * the member the invitation made).
 */
export function verifiedProfiles(profiles: readonly Profile[], trust: RootTrust): VerifiedProfiles {
  const verified: VerifiedProfiles = { profiles: [], problems: [], refused: [] };
  for (const cached of profiles) {
    const enforced = enforcedProfile(cached, trust);
    verified.profiles.push(enforced.profile);
    for (const problem of enforced.problems) verified.problems.push(`profile '${cached.name}': ${problem}`);
    if (enforced.refused) verified.refused.push(cached.name);
  }
  return verified;
}
