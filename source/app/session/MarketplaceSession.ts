import { loadOrCreateSigningKey } from '../../core/identity/signingKey.js';
import { installRelease } from '../../core/marketplace/installRelease.js';
import { type LoadedListings, loadListings } from '../../core/marketplace/loadListings.js';
import { ratingProblem } from '../../core/marketplace/ratings.js';
import { approverRefusal, reviewRelease } from '../../core/marketplace/reviewRelease.js';
import type { MarketplaceListing } from '../../core/marketplace/searchMarketplace.js';

/** An approver's decision from the `:marketplace` page, decided by the same core as `marketplace review`. */
export interface ReviewDecision {
  version: string;
  decision: 'approve' | 'reject';
  reason: string;
  /** Why high scan findings are acceptable; approving a release with any needs it. */
  scanOverride?: string;
}

/** What the `:marketplace` page asks: listings, installing, rating, the approver's queue. */
export interface MarketplaceSession {
  listings(): Promise<LoadedListings>;
  /** The registries whose approver keys include this installation's key: where `a`/`x` apply. */
  approverOf(): Promise<string[]>;
  /** Installs the newest approved release; returns what was installed, for the message line. */
  install(listing: MarketplaceListing): Promise<string>;
  rate(listing: MarketplaceListing, version: string, stars: number, text?: string): Promise<void>;
  review(listing: MarketplaceListing, decision: ReviewDecision): Promise<void>;
}

export function marketplaceSession(options: {
  env: NodeJS.ProcessEnv;
  demo: boolean;
  researchUser: string;
  /** The approver fingerprints the profile's policy names, when it names any (`templates.approvers`). */
  policyApprovers?: readonly string[];
}): MarketplaceSession {
  // Loaded on the first use of the marketplace: it brings the S3 client, which `list` and the
  // dashboard never need.
  const setup = async () =>
    (await import('./openMarketplace.js')).openMarketplace({ env: options.env, demo: options.demo });
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
    approverOf: async () => {
      const opened = await setup();
      const key = await loadOrCreateSigningKey(opened.stateDir);
      return opened.registries
        .filter((trust) => approverRefusal(trust, key, options.policyApprovers) === undefined)
        .map((trust) => trust.name);
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
    rate: async (listing, version, stars, text = '') => {
      const problem = ratingProblem(stars, text);
      if (problem) throw new Error(problem);
      const { opened, trust } = await trustOf(listing);
      await opened.ratings(trust, opened.open(trust)).rate({
        slug: listing.entry.slug,
        version,
        user: options.researchUser,
        stars,
        text,
        rated_at: new Date().toISOString(),
      });
    },
    review: async (listing, decision) => {
      const { opened, trust } = await trustOf(listing);
      const key = await loadOrCreateSigningKey(opened.stateDir);
      const approver = trust.approvers.find((candidate) => candidate.key === key.publicKey);
      await reviewRelease(opened.open(trust), trust, {
        slug: listing.entry.slug,
        version: decision.version,
        decision: decision.decision,
        reason: decision.reason,
        reviewerName: approver?.name ?? options.researchUser,
        key,
        ...(decision.scanOverride ? { scanOverride: decision.scanOverride } : {}),
        ...(options.policyApprovers ? { policyApprovers: options.policyApprovers } : {}),
        now: new Date(),
      });
    },
  };
}
