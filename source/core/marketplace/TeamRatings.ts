import type { TeamStore } from '../team/TeamStore.js';
import { type Rating, type RatingsStore, ratingSchema } from './ratings.js';

/**
 * Ratings in the lab's team store (one item per registry, template, version and research user, so
 * re-rating replaces), used instead of the registry when the profile has a team store.
 */
export class TeamRatings implements RatingsStore {
  constructor(
    private readonly team: TeamStore,
    private readonly registry: string,
  ) {}

  private pk(slug: string): string {
    return `RATING#${this.registry}#${slug}`;
  }

  async rate(rating: Rating): Promise<void> {
    const valid = ratingSchema.parse(rating);
    await this.team.put({ pk: this.pk(valid.slug), sk: `${valid.version}#${valid.user}`, ...valid });
  }

  async ratingsOf(slug: string): Promise<Rating[]> {
    const items = await this.team.query(this.pk(slug));
    return items.flatMap((item) => {
      const { pk: _pk, sk: _sk, ...fields } = item;
      const parsed = ratingSchema.safeParse(fields);
      return parsed.success ? [parsed.data] : [];
    });
  }
}
