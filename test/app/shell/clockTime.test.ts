import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clockTime, timeOfDay } from '../../../source/app/shell/clockTime.js';

// From 2001 to 2099, in this process's time zone (CI's, or a person's).
const instant = fc.integer({ min: 978_307_200_000, max: 4_102_444_800_000 });

describe('clockTime', () => {
  it('prints the time of day as the en-GB locale does', () => {
    fc.assert(
      fc.property(instant, (at) => {
        expect(timeOfDay(at)).toBe(
          new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' }),
        );
        expect(timeOfDay(at)).toBe(new Date(at).toLocaleTimeString('en-GB'));
      }),
      { numRuns: 2000 },
    );
  });

  it('prints a time of an earlier day with its month and day as en-US does', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 400 }), (at, daysLater) => {
        const now = at + daysLater * 86_400_000;
        const day = new Date(at).toLocaleDateString('en-US', { month: 'short', day: 'numeric' });
        expect(clockTime(at, now)).toBe(`${day} ${timeOfDay(at).slice(0, 5)}`);
      }),
      { numRuns: 2000 },
    );
    const noon = new Date(2026, 11, 6, 12, 0, 0).getTime();
    expect(clockTime(noon - 3_600_000, noon)).toBe('11:00:00');
  });
});
