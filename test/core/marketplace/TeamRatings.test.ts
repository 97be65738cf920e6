import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarizeRatings } from '../../../source/core/marketplace/ratings.js';
import { TeamRatings } from '../../../source/core/marketplace/TeamRatings.js';
import { FileTeamStore } from '../../../source/core/team/FileTeamStore.js';
import { scratchDir } from './marketplaceFixtures.js';

describe('TeamRatings', () => {
  it('keeps one rating per research user and version in the team store; re-rating replaces', async () => {
    const team = new FileTeamStore(join(scratchDir(), 'team.json'));
    const ratings = new TeamRatings(team, 'lab');
    const base = { slug: 'r-lab', version: '1.0.0', text: 'ok', rated_at: '2026-12-01T00:00:00Z' };
    await ratings.rate({ ...base, user: 'alice', stars: 2 });
    await ratings.rate({ ...base, user: 'alice', stars: 5, text: 'better after the fix' });
    await ratings.rate({ ...base, user: 'bob', stars: 4 });
    await ratings.rate({ ...base, version: '1.1.0', user: 'bob', stars: 3 });
    const found = await ratings.ratingsOf('r-lab');
    expect(found).toHaveLength(3);
    expect(found.find((r) => r.user === 'alice')?.text).toBe('better after the fix');
    expect(summarizeRatings(found)).toEqual({ average: 4, count: 3 });
    expect(await new TeamRatings(team, 'other').ratingsOf('r-lab')).toEqual([]);
    await expect(ratings.rate({ ...base, user: 'alice', stars: 6 })).rejects.toThrow();
  });
});
