import { downloadsOf } from './installRelease.js';
import type { RegistryStore } from './ports.js';
import type { RegistryTrust } from './RegistryTrust.js';
import { type RatingsStore, RegistryRatings, summarizeRatings } from './ratings.js';
import { parseRegistryIndex } from './registryIndex.js';
import { registryKeys } from './registryKeys.js';
import type { MarketplaceListing } from './searchMarketplace.js';

export interface LoadedListings {
  listings: MarketplaceListing[];
  /** Registries that could not be read and index entries skipped, one line each. */
  problems: string[];
}

/**
 * Every template of every registry with its rating and downloads. A registry that cannot be
 * reached or has a malformed index is reported and skipped: the others still list.
 */
export async function loadListings(
  registries: readonly RegistryTrust[],
  open: (trust: RegistryTrust) => RegistryStore,
  ratingsFor: (trust: RegistryTrust, store: RegistryStore) => RatingsStore = (_trust, store) =>
    new RegistryRatings(store),
): Promise<LoadedListings> {
  const problems: string[] = [];
  const perRegistry = await Promise.all(
    registries.map(async (trust) => {
      try {
        const store = open(trust);
        const parsed = parseRegistryIndex(
          await store.get(registryKeys.index),
          `${trust.name} (${trust.location})`,
        );
        problems.push(...parsed.problems);
        const ratings = ratingsFor(trust, store);
        return Promise.all(
          parsed.index.entries.map(async (entry) => ({
            registry: trust.name,
            entry,
            rating: summarizeRatings(await ratings.ratingsOf(entry.slug)),
            downloads: await downloadsOf(store, entry.slug),
          })),
        );
      } catch (error) {
        problems.push(`${trust.name}: ${error instanceof Error ? error.message : String(error)}`);
        return [];
      }
    }),
  );
  return { listings: perRegistry.flat(), problems };
}
