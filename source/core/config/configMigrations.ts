import type Conf from 'conf';
import type { ConfigData } from './configSchema.js';

/** The version of the config file format; conf records the last migration it ran in the file. */
export const CONFIG_FORMAT_VERSION = '1.1.0';

/**
 * Format history:
 *  - 1.0.0: profiles without `policy_chain` and `can_invite` (before invitations could be chained).
 *  - 1.1.0: every profile has both; old profiles get an empty chain and no right to invite.
 */
export const configMigrations: Record<string, (store: Conf<ConfigData>) => void> = {
  '1.1.0': (store) => {
    const profiles = store.get('profiles') ?? {};
    const migrated = Object.fromEntries(
      Object.entries(profiles).map(([name, profile]) => [
        name,
        { ...profile, policy_chain: profile.policy_chain ?? [], can_invite: profile.can_invite ?? false },
      ]),
    );
    store.set('profiles', migrated);
  },
};
