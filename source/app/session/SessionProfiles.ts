import { PinnedRootStore } from '../../core/identity/PinnedRootStore.js';
import { loadRootTrust, type RootTrust } from '../../core/identity/RootTrust.js';
import { verifiedProfiles } from '../../core/identity/verifiedProfiles.js';
import type { AppPaths } from '../../core/paths.js';
import { listProfiles, type ProfileListing } from './profileDirectory.js';

/**
 * The profiles the Profiles and Policy screens show: read from the config file now, each with the
 * kind, role and terms verified from its signed chain under this installation's root trust.
 */
export class SessionProfiles {
  constructor(
    private readonly paths: AppPaths,
    private readonly env: NodeJS.ProcessEnv,
    private trust: RootTrust,
  ) {}

  list(): ProfileListing {
    const listing = listProfiles(this.paths);
    const verified = verifiedProfiles(listing.profiles, this.trust);
    return { ...listing, profiles: verified.profiles, problems: [...listing.problems, ...verified.problems] };
  }

  /** Reads the pins again: an accept made in this session pins the new chain's root. */
  async reloadTrust(): Promise<void> {
    this.trust = await loadRootTrust(this.env, new PinnedRootStore(this.paths.stateDir));
  }
}
