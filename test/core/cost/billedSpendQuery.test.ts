import { describe, expect, it } from 'vitest';
import { monthToDateBilledQuery, windowBilledQuery } from '../../../source/core/cost/billedSpendQuery.js';

describe('Cost Explorer queries', () => {
  it('cover this month to the end of today (UTC, end exclusive), by the app tag', () => {
    expect(monthToDateBilledQuery(new Date('2026-11-20T15:00:00Z'))).toEqual({
      start: '2026-11-01',
      end: '2026-11-21',
      tag_key: 'cws:managed',
      tag_value: 'true',
    });
    expect(monthToDateBilledQuery(new Date('2026-12-31T23:00:00Z'))).toMatchObject({
      start: '2026-12-01',
      end: '2027-01-01',
    });
    expect(
      monthToDateBilledQuery(new Date('2026-11-01T00:00:00Z'), { key: 'cws:project', value: 'genomics' }),
    ).toEqual({
      start: '2026-11-01',
      end: '2026-11-02',
      tag_key: 'cws:project',
      tag_value: 'genomics',
    });
  });

  it('cover the days of a window, never an empty period', () => {
    expect(
      windowBilledQuery(new Date('2026-11-03T10:00:00Z'), new Date('2026-11-05T00:00:00Z')),
    ).toMatchObject({
      start: '2026-11-03',
      end: '2026-11-05',
    });
    expect(
      windowBilledQuery(new Date('2026-11-03T10:00:00Z'), new Date('2026-11-05T08:00:00Z')),
    ).toMatchObject({
      end: '2026-11-06',
    });
    expect(
      windowBilledQuery(new Date('2026-11-03T00:00:00Z'), new Date('2026-11-03T00:00:00Z')),
    ).toMatchObject({
      start: '2026-11-03',
      end: '2026-11-04',
    });
  });
});
