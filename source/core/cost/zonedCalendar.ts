/**
 * "Today" and "this month" as the user lives them: calendar days and months in an IANA time zone,
 * computed with Intl so that DST changes (23- and 25-hour days, midnights that do not exist) and
 * month ends fall where the user expects them.
 */

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws a RangeError naming the zone when it is not a valid IANA time zone. */
export function assertTimeZone(timeZone: string): void {
  try {
    formatterFor(timeZone);
  } catch {
    throw new RangeError(`unknown time zone "${timeZone}" (expected an IANA name such as Europe/Berlin)`);
  }
}

function wallTime(instant: number, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** The zone's offset from UTC at an instant, in milliseconds (ignoring sub-second precision). */
function offsetAt(instant: number, timeZone: string): number {
  const wall = wallTime(instant, timeZone);
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
    const wall = wallTime(candidate, timeZone);
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
  const wall = wallTime(at.getTime(), timeZone);
  return new Date(startOfCalendarDay(wall.year, wall.month, wall.day, timeZone));
}

/** The start of the calendar month containing `at`, in the zone. */
export function startOfZonedMonth(at: Date, timeZone: string): Date {
  const wall = wallTime(at.getTime(), timeZone);
  return new Date(startOfCalendarDay(wall.year, wall.month, 1, timeZone));
}

/** The start of the calendar month after the one containing `at`: the end of "this month". */
export function startOfNextZonedMonth(at: Date, timeZone: string): Date {
  const wall = wallTime(at.getTime(), timeZone);
  const nextYear = wall.month === 12 ? wall.year + 1 : wall.year;
  const nextMonth = wall.month === 12 ? 1 : wall.month + 1;
  return new Date(startOfCalendarDay(nextYear, nextMonth, 1, timeZone));
}

/** `YYYY-MM` of the month containing `at` in the zone: the key budgets reset on. */
export function zonedMonthKey(at: Date, timeZone: string): string {
  const wall = wallTime(at.getTime(), timeZone);
  return `${wall.year}-${String(wall.month).padStart(2, '0')}`;
}
