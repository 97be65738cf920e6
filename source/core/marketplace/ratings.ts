import { z } from 'zod';
import { lazySchema } from '../schema/lazySchema.js';
import type { RegistryStore } from './ports.js';
import { registryKeys } from './registryKeys.js';

export const ratingSchema = lazySchema(() =>
  z.strictObject({
    slug: z.string(),
    version: z.string(),
    /** The research user's name: reviewers are shown by it. */
    user: z.string().regex(/^[a-z_][a-z0-9_-]{0,31}$/),
    stars: z.number().int().min(1).max(5),
    text: z.string().max(1000),
    rated_at: z.string(),
  }),
);

export type Rating = z.infer<typeof ratingSchema>;

/** Where ratings live: the team store when the profile has one, else the registry (RegistryRatings). */
export interface RatingsStore {
  /** One rating per user and version: a new one replaces the old. */
  rate(rating: Rating): Promise<void>;
  ratingsOf(slug: string): Promise<Rating[]>;
}

export interface RatingSummary {
  average: number;
  count: number;
}

export function summarizeRatings(ratings: readonly Rating[]): RatingSummary {
  if (ratings.length === 0) return { average: 0, count: 0 };
  const total = ratings.reduce((sum, rating) => sum + rating.stars, 0);
  return { average: Math.round((total / ratings.length) * 10) / 10, count: ratings.length };
}

/** Checks stars and text before anything is stored; the reason when they are not acceptable. */
export function ratingProblem(stars: number | undefined, text: string): string | undefined {
  if (stars === undefined || !Number.isInteger(stars) || stars < 1 || stars > 5)
    return 'stars are a whole number from 1 to 5 (--stars N)';
  if (text.length > 1000) return 'a review text is at most 1000 characters';
  return undefined;
}

/** Ratings kept in the registry itself, one object per user and version. */
export class RegistryRatings implements RatingsStore {
  constructor(private readonly store: RegistryStore) {}

  async rate(rating: Rating): Promise<void> {
    const valid = ratingSchema.parse(rating);
    await this.store.put(
      registryKeys.rating(valid.slug, valid.version, valid.user),
      Buffer.from(`${JSON.stringify(valid, null, 2)}\n`),
    );
  }

  async ratingsOf(slug: string): Promise<Rating[]> {
    const keys = await this.store.list(`ratings/${slug}/`);
    const ratings: Rating[] = [];
    for (const key of keys.filter((name) => name.endsWith('.json'))) {
      const bytes = await this.store.get(key);
      if (bytes === undefined) continue;
      try {
        const parsed = ratingSchema.safeParse(JSON.parse(bytes.toString('utf8')));
        // A file that is not a rating, or names another template, is skipped rather than shown.
        if (parsed.success && parsed.data.slug === slug) ratings.push(parsed.data);
      } catch {}
    }
    return ratings;
  }
}
