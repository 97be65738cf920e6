import type Conf from 'conf';
import type { ConfigData } from './configSchema.js';
import { upgradeStoredBudget } from './legacyProfileBudget.js';

/** The version of the config file format; conf records the last migration it ran in the file. */
export const CONFIG_FORMAT_VERSION = '1.2.0';

type Profiles = NonNullable<ConfigData['profiles']>;

function migrateProfiles(store: Conf<ConfigData>, change: (profile: Profiles[string]) => Profiles[string]) {
  const profiles = store.get('profiles') ?? {};
  store.set(
    'profiles',
    Object.fromEntries(Object.entries(profiles).map(([name, profile]) => [name, change(profile)])),
  );
}

/**
 * Format history:
 *  - 1.0.0: profiles without `policy_chain` and `can_invite` (before invitations could be chained).
 *  - 1.1.0: every profile has both; old profiles get an empty chain and no right to invite.
 *  - 1.2.0: a profile's budget is in the cost engine's format (an action per threshold, `auto`);
 *    profiles may carry `discounts`, and say whether billed spend comes from Cost Explorer (off
 *    unless enabled).
 */
export const configMigrations: Record<string, (store: Conf<ConfigData>) => void> = {
  '1.1.0': (store) =>
    migrateProfiles(store, (profile) => ({
      ...profile,
      policy_chain: profile.policy_chain ?? [],
      can_invite: profile.can_invite ?? false,
    })),
  '1.2.0': (store) =>
    migrateProfiles(store, (profile) => {
      // Read as stored: the file still holds the 1.1.0 shape here.
      const budget = upgradeStoredBudget(profile.budget) as Profiles[string]['budget'];
      return {
        ...profile,
        ...(budget !== undefined ? { budget } : {}),
        cost_explorer: profile.cost_explorer ?? false,
      };
    }),
};
