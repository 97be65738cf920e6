import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { lastZonedDays } from '../../../source/core/cost/dailySpend.js';
import { localTimeZone } from '../../../source/core/cost/localTimeZone.js';
import { intlWallTime, isZoneWithoutIntl, zonedWallTime } from '../../../source/core/cost/zonedWallTime.js';

const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

// Any instant from 1970 to 2100, and instants in the months and night hours where DST changes fall.
const anyInstant = fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) });
const nearDstChange = fc
  .record({
    year: fc.integer({ min: 1990, max: 2060 }),
    month: fc.constantFrom(2, 3, 8, 9, 10),
    day: fc.integer({ min: 1, max: 31 }),
    minutes: fc.integer({ min: 0, max: 24 * 60 - 1 }),
  })
  .map(({ year, month, day, minutes }) => Date.UTC(year, month, day, 0, minutes) + (minutes % 7) * 1001);
const instants = fc.oneof(anyInstant, nearDstChange);

// Zones with DST north and south, half- and quarter-hour offsets, a midnight DST change, no DST.
const ZONES = [
  'America/New_York',
  'Europe/Berlin',
  'Australia/Sydney',
  'America/Santiago',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Asia/Kolkata',
];

describe('zonedWallTime', () => {
  it.each(ZONES)('reads the local zone (%s) from Date exactly as Intl reads it', (zone) => {
    process.env.TZ = zone;
    // The fast path is taken (and Date really runs in the zone), or the property below proves nothing.
    expect(localTimeZone()).toBe(zone);
    expect(isZoneWithoutIntl(zone)).toBe(true);
    fc.assert(
      fc.property(instants, (instant) => {
        expect(zonedWallTime(instant, zone)).toEqual(intlWallTime(instant, zone));
      }),
      { numRuns: 3000 },
    );
  });

  it.each(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT', 'Zulu'])(
    'reads %s from the UTC fields exactly as Intl does',
    (zone) => {
      process.env.TZ = 'America/New_York';
      fc.assert(
        fc.property(instants, (instant) => {
          expect(zonedWallTime(instant, zone)).toEqual(intlWallTime(instant, zone));
        }),
        { numRuns: 2000 },
      );
    },
  );

  it('asks Intl for a zone that is neither UTC nor the local one', () => {
    process.env.TZ = 'Europe/Berlin';
    expect(isZoneWithoutIntl('Asia/Tokyo')).toBe(false);
    // 2026-03-29 00:30Z: 01:30 in Berlin before its DST change, 09:30 in Tokyo.
    expect(zonedWallTime(Date.UTC(2026, 2, 29, 0, 30), 'Asia/Tokyo')).toEqual({
      year: 2026,
      month: 3,
      day: 29,
      hour: 9,
      minute: 30,
      second: 0,
    });
  });

  it('labels local days as Intl en-CA dates across a DST change', () => {
    process.env.TZ = 'America/New_York';
    const dateOf = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'America/New_York',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    const days = lastZonedDays(new Date('2026-11-03T12:00:00Z'), 'America/New_York', 5);
    expect(days.map((day) => day.date)).toEqual([
      '2026-10-30',
      '2026-10-31',
      '2026-11-01',
      '2026-11-02',
      '2026-11-03',
    ]);
    for (const day of days) expect(day.date).toBe(dateOf.format(day.window.from));
    // 1 November has 25 hours: DST ends that night.
    const november1 = days[2];
    expect(november1 && (november1.window.to.getTime() - november1.window.from.getTime()) / 3_600_000).toBe(
      25,
    );
  });
});

describe('localTimeZone', () => {
  it('takes TZ, with or without the POSIX colon', () => {
    process.env.TZ = ':Europe/Paris';
    expect(localTimeZone()).toBe('Europe/Paris');
    process.env.TZ = 'Asia/Kolkata';
    expect(localTimeZone()).toBe('Asia/Kolkata');
    // As ICU names it: tzdata's posix/ copy is the same zone.
    process.env.TZ = 'posix/America/New_York';
    expect(localTimeZone()).toBe('America/New_York');
  });

  it('leaves a rule-style or unknown TZ to Intl, and UTC where Intl names none', () => {
    process.env.TZ = 'EST5EDT';
    expect(localTimeZone()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    process.env.TZ = 'Nowhere/Atlantis';
    expect(localTimeZone()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC');
    expect(new Date(Date.UTC(2026, 6, 1)).getTimezoneOffset()).toBe(0);
  });

  it('without TZ, names the zone /etc/localtime links to, the zone Date uses', () => {
    delete process.env.TZ;
    const zone = localTimeZone();
    fc.assert(
      fc.property(instants, (instant) => {
        expect(intlWallTime(instant, zone)).toEqual(zonedWallTime(instant, zone));
        const at = new Date(instant);
        expect(intlWallTime(instant, zone).hour).toBe(at.getHours());
      }),
      { numRuns: 300 },
    );
  });
});
