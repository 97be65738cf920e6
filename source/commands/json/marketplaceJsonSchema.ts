import { z } from 'zod';

const entry = z.looseObject({
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  publisher_name: z.string(),
  releases: z.array(z.looseObject({ version: z.string(), status: z.string(), published_at: z.string() })),
});
const listing = {
  registry: z.string(),
  entry,
  rating: z.looseObject({ average: z.number(), count: z.number() }),
  downloads: z.number(),
};

/** `cws-tui marketplace search --json`. */
export const marketplaceSearchJsonSchema = z
  .array(z.looseObject(listing))
  .meta({ id: 'MarketplaceListings' });

/** `cws-tui marketplace show <slug>[@version] --json`: the listing with its releases and reviews. */
export const marketplaceShowJsonSchema = z
  .looseObject({
    ...listing,
    releases: z.array(z.looseObject({ version: z.string(), status: z.string() })),
    reviews: z.array(
      z.looseObject({ user: z.string(), version: z.string(), stars: z.number(), text: z.string() }),
    ),
  })
  .meta({ id: 'MarketplaceTemplate' });

/** `cws-tui marketplace install <slug>[@version] --json`. */
export const marketplaceInstalledJsonSchema = z
  .strictObject({
    slug: z.string(),
    version: z.string(),
    registry: z.string(),
    publisher: z.string(),
    review: z.strictObject({ decision: z.enum(['approve', 'reject']), approver: z.string() }).nullable(),
    path: z.string(),
  })
  .meta({ id: 'MarketplaceInstalled' });

/** `cws-tui marketplace rate <slug>@<version> --json`. */
export const marketplaceRatedJsonSchema = z
  .strictObject({
    slug: z.string(),
    version: z.string(),
    registry: z.string(),
    user: z.string(),
    stars: z.number(),
    text: z.string(),
  })
  .meta({ id: 'MarketplaceRated' });

/** `cws-tui marketplace review <slug>@<version> approve|reject --json`. */
export const marketplaceReviewedJsonSchema = z
  .strictObject({
    slug: z.string(),
    version: z.string(),
    registry: z.string(),
    decision: z.enum(['approve', 'reject']),
    reason: z.string(),
  })
  .meta({ id: 'MarketplaceReviewed' });

/** `cws-tui marketplace publish <file> --json`: the signed release, waiting for an approver. */
export const marketplacePublishedJsonSchema = z
  .strictObject({
    slug: z.string(),
    version: z.string(),
    registry: z.string(),
    status: z.literal('submitted'),
    key_fingerprint: z.string(),
  })
  .meta({ id: 'MarketplacePublished' });

/** `cws-tui marketplace queue --json`: the submissions awaiting this key's review. */
export const marketplaceQueueJsonSchema = z
  .array(
    z.strictObject({
      registry: z.string(),
      slug: z.string(),
      version: z.string(),
      publisher: z.string(),
      high: z.number(),
    }),
  )
  .meta({ id: 'MarketplaceQueue' });
