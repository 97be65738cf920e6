/**
 * "Today" and "this month" as the user lives them: calendar days and months in an IANA time zone,
 * computed from the zone's rules (see zonedWallTime) so that DST changes (23- and 25-hour days,
 * midnights that do not exist) and month ends fall where the user expects them.
 */
import { intlFormatterFor, isZoneWithoutIntl, zonedWallTime } from './zonedWallTime.js';

/** Throws a RangeError naming the zone when it is not a valid IANA time zone. */
export function assertTimeZone(timeZone: string): void {
  // UTC and the process's own zone are known good; asking Intl would load its date data for nothing.
  if (isZoneWithoutIntl(timeZone)) return;
  try {
    intlFormatterFor(timeZone);
  } catch {
    throw new RangeError(`unknown time zone "${timeZone}" (expected an IANA name such as Europe/Berlin)`);
  }
}

/** The zone's offset from UTC at an instant, in milliseconds (ignoring sub-second precision). */
function offsetAt(instant: number, timeZone: string): number {
  const wall = zonedWallTime(instant, timeZone);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return wallAsUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

const DAY_MS = 86_400_000;

/**
 * The first instant of a calendar day in the zone. Where midnight is skipped by a DST change the day
 * starts at the change; where midnight happens twice the earlier one counts.
 */
function startOfCalendarDay(year: number, month: number, day: number, timeZone: string): number {
  const midnightAsUtc = Date.UTC(year, month - 1, day);
  const target = new Date(midnightAsUtc);
  const candidates = [
    midnightAsUtc - offsetAt(midnightAsUtc - DAY_MS, timeZone),
    midnightAsUtc - offsetAt(midnightAsUtc + DAY_MS, timeZone),
    midnightAsUtc - offsetAt(midnightAsUtc, timeZone),
  ].filter((candidate) => {
    const wall = zonedWallTime(candidate, timeZone);
    return (
      wall.year === target.getUTCFullYear() &&
      wall.month === target.getUTCMonth() + 1 &&
      wall.day === target.getUTCDate()
    );
  });
  return Math.min(...candidates);
}

/** The start of the calendar day containing `at`, in the zone. */
export function startOfZonedDay(at: Date, timeZone: string): Date {
  const wall = zonedWallTime(at.getTime(), timeZone);
  return new Date(startOfCalendarDay(wall.year, wall.month, wall.day, timeZone));
}

/** The start of the calendar month containing `at`, in the zone. */
export function startOfZonedMonth(at: Date, timeZone: string): Date {
  const wall = zonedWallTime(at.getTime(), timeZone);
  return new Date(startOfCalendarDay(wall.year, wall.month, 1, timeZone));
}

/** The start of the calendar month after the one containing `at`: the end of "this month". */
export function startOfNextZonedMonth(at: Date, timeZone: string): Date {
  const wall = zonedWallTime(at.getTime(), timeZone);
  const nextYear = wall.month === 12 ? wall.year + 1 : wall.year;
  const nextMonth = wall.month === 12 ? 1 : wall.month + 1;
  return new Date(startOfCalendarDay(nextYear, nextMonth, 1, timeZone));
}

/** `YYYY-MM` of the month containing `at` in the zone: the key budgets reset on. */
export function zonedMonthKey(at: Date, timeZone: string): string {
  const wall = zonedWallTime(at.getTime(), timeZone);
  return `${wall.year}-${String(wall.month).padStart(2, '0')}`;
}
