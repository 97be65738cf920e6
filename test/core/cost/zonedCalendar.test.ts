import { describe, expect, it } from 'vitest';
import {
  assertTimeZone,
  startOfNextZonedMonth,
  startOfZonedDay,
  startOfZonedMonth,
  zonedMonthKey,
} from '../../../source/core/cost/zonedCalendar.js';

const iso = (date: Date) => date.toISOString();

describe('zoned calendar', () => {
  it('starts the day at local midnight', () => {
    expect(iso(startOfZonedDay(new Date('2026-06-15T12:34:56Z'), 'UTC'))).toBe('2026-06-15T00:00:00.000Z');
    expect(iso(startOfZonedDay(new Date('2026-06-15T02:00:00Z'), 'America/New_York'))).toBe(
      '2026-06-14T04:00:00.000Z',
    );
    expect(iso(startOfZonedDay(new Date('2026-06-15T02:00:00Z'), 'Asia/Kolkata'))).toBe(
      '2026-06-14T18:30:00.000Z',
    );
  });

  it('has a 23-hour day when DST starts and a 25-hour day when it ends (New York)', () => {
    const springStart = startOfZonedDay(new Date('2026-03-08T12:00:00Z'), 'America/New_York');
    const springNext = startOfZonedDay(new Date('2026-03-09T12:00:00Z'), 'America/New_York');
    expect(iso(springStart)).toBe('2026-03-08T05:00:00.000Z');
    expect((springNext.getTime() - springStart.getTime()) / 3_600_000).toBe(23);
    const fallStart = startOfZonedDay(new Date('2026-11-01T12:00:00Z'), 'America/New_York');
    const fallNext = startOfZonedDay(new Date('2026-11-02T12:00:00Z'), 'America/New_York');
    expect(iso(fallStart)).toBe('2026-11-01T04:00:00.000Z');
    expect((fallNext.getTime() - fallStart.getTime()) / 3_600_000).toBe(25);
  });

  it('starts a day whose midnight DST skips at the change (Santiago)', () => {
    // Chile moves from -04 to -03 at 00:00 on 6 September 2026: the day begins at 01:00 local.
    expect(iso(startOfZonedDay(new Date('2026-09-06T15:00:00Z'), 'America/Santiago'))).toBe(
      '2026-09-06T04:00:00.000Z',
    );
  });

  it('finds month starts and ends across zones and years', () => {
    // 14:00Z on 31 October is 01:00 on 1 November in Sydney (AEDT, +11).
    const now = new Date('2026-10-31T14:00:00Z');
    expect(zonedMonthKey(now, 'Australia/Sydney')).toBe('2026-11');
    expect(zonedMonthKey(now, 'UTC')).toBe('2026-10');
    expect(iso(startOfZonedMonth(now, 'Australia/Sydney'))).toBe('2026-10-31T13:00:00.000Z');
    expect(iso(startOfNextZonedMonth(now, 'Australia/Sydney'))).toBe('2026-11-30T13:00:00.000Z');
    expect(iso(startOfNextZonedMonth(new Date('2026-12-31T23:59:59Z'), 'UTC'))).toBe(
      '2027-01-01T00:00:00.000Z',
    );
    expect(iso(startOfZonedMonth(new Date('2026-03-31T12:00:00Z'), 'Europe/Berlin'))).toBe(
      '2026-02-28T23:00:00.000Z',
    );
    expect(iso(startOfNextZonedMonth(new Date('2026-03-31T12:00:00Z'), 'Europe/Berlin'))).toBe(
      '2026-03-31T22:00:00.000Z',
    );
    expect(zonedMonthKey(new Date('2026-03-31T22:30:00Z'), 'Europe/Berlin')).toBe('2026-04');
  });

  it('rejects a time zone that is not an IANA name', () => {
    expect(() => assertTimeZone('Mars/Olympus')).toThrow('unknown time zone "Mars/Olympus"');
    expect(() => assertTimeZone('Europe/Berlin')).not.toThrow();
  });
});
