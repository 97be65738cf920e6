import { openRegistryStore } from '../../aws/s3/openRegistryStore.js';
import { loadOrCreateSigningKey } from '../../core/identity/signingKey.js';
import type { RegistryStore } from '../../core/marketplace/ports.js';
import type { RegistryTrust } from '../../core/marketplace/RegistryTrust.js';
import { type RatingsStore, RegistryRatings } from '../../core/marketplace/ratings.js';
import { readRegistries } from '../../core/marketplace/registriesFile.js';
import { TeamRatings } from '../../core/marketplace/TeamRatings.js';
import { resolveAppPaths } from '../../core/paths.js';
import type { TeamStore } from '../../core/team/TeamStore.js';

/** What every marketplace action works with: the trusted registries and how to open them. */
export interface MarketplaceSetup {
  registries: RegistryTrust[];
  open(trust: RegistryTrust): RegistryStore;
  configDir: string;
  stateDir: string;
  userTemplatesDir: string;
  /** Where a registry's ratings live: the team store when the profile has one, else the registry. */
  ratings(trust: RegistryTrust, store: RegistryStore): RatingsStore;
}

/**
 * The user's registries (the demo account's sample registry added on the demo account), with S3
 * registries opened through the profile's AWS profile and region. Shared by the commands and the
 * `:marketplace` page.
 */
export async function openMarketplace(options: {
  env: NodeJS.ProcessEnv;
  demo: boolean;
  awsProfile?: string;
  region?: string;
  team?: TeamStore;
}): Promise<MarketplaceSetup> {
  const paths = resolveAppPaths(options.env);
  if (options.demo) {
    const { ensureDemoMarketplace } = await import('../../aws/demo/demoMarketplace.js');
    await ensureDemoMarketplace(paths, await loadOrCreateSigningKey(paths.stateDir));
  }
  return {
    registries: await readRegistries(paths.configDir),
    open: (trust) =>
      openRegistryStore(trust.location, {
        env: options.env,
        ...(options.awsProfile ? { awsProfile: options.awsProfile } : {}),
        ...(options.region ? { region: options.region } : {}),
      }),
    configDir: paths.configDir,
    stateDir: paths.stateDir,
    userTemplatesDir: paths.userTemplatesDir,
    ratings: (trust, store) =>
      options.team ? new TeamRatings(options.team, trust.name) : new RegistryRatings(store),
  };
}
