import { installRelease } from '../../core/marketplace/installRelease.js';
import { type LoadedListings, loadListings } from '../../core/marketplace/loadListings.js';
import type { MarketplaceListing } from '../../core/marketplace/searchMarketplace.js';
import { openMarketplace } from './openMarketplace.js';

/** What the `:marketplace` page asks: listings, installing, rating, the approver's queue. */
export interface MarketplaceSession {
  listings(): Promise<LoadedListings>;
  /** Installs the newest approved release; returns what was installed, for the message line. */
  install(listing: MarketplaceListing): Promise<string>;
  rate(listing: MarketplaceListing, version: string, stars: number): Promise<void>;
}

export function marketplaceSession(options: {
  env: NodeJS.ProcessEnv;
  demo: boolean;
  researchUser: string;
}): MarketplaceSession {
  const setup = () => openMarketplace({ env: options.env, demo: options.demo });
  const trustOf = async (listing: MarketplaceListing) => {
    const opened = await setup();
    const trust = opened.registries.find((registry) => registry.name === listing.registry);
    if (!trust) throw new Error(`the registry '${listing.registry}' is no longer configured`);
    return { opened, trust };
  };
  return {
    listings: async () => {
      const opened = await setup();
      return loadListings(opened.registries, opened.open, opened.ratings);
    },
    install: async (listing) => {
      const { opened, trust } = await trustOf(listing);
      const outcome = await installRelease(opened.open(trust), trust, listing.entry.slug, {
        userTemplatesDir: opened.userTemplatesDir,
        now: new Date(),
      });
      const review = outcome.release.review;
      const state = review
        ? review.statement.decision === 'approve'
          ? 'approved'
          : 'rejected'
        : 'awaiting approval';
      return `${listing.entry.slug}@${outcome.release.statement.version} (${state})`;
    },
    rate: async (listing, version, stars) => {
      const { opened, trust } = await trustOf(listing);
      await opened.ratings(trust, opened.open(trust)).rate({
        slug: listing.entry.slug,
        version,
        user: options.researchUser,
        stars,
        text: '',
        rated_at: new Date().toISOString(),
      });
    },
  };
}
