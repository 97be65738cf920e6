import type { TimeWindow } from './TimeWindow.js';
import { startOfZonedDay } from './zonedCalendar.js';
import { zonedWallTime } from './zonedWallTime.js';

const pad = (value: number) => String(value).padStart(2, '0');

/** What was spent on one calendar day (in the report's zone); today's day runs until now. */
export interface DailySpend {
  /** `YYYY-MM-DD` in the zone. */
  date: string;
  amount: number;
}

/** The cost panel's sparkline covers two weeks: enough to see a pattern in 80 columns. */
export const DAILY_SPEND_DAYS = 14;

/** One calendar day of the zone as a window, labelled with its date. */
export interface ZonedDay {
  date: string;
  window: TimeWindow;
}

/**
 * The last `count` calendar days in `timeZone`, oldest first, today last (ending at `now`). Days are
 * found by stepping back from each day's start, so a day of 23 or 25 hours (DST) stays one day.
 */
export function lastZonedDays(now: Date, timeZone: string, count: number): ZonedDay[] {
  const dateOf = (start: Date): string => {
    const wall = zonedWallTime(start.getTime(), timeZone);
    return `${String(wall.year).padStart(4, '0')}-${pad(wall.month)}-${pad(wall.day)}`;
  };
  const days: ZonedDay[] = [];
  let end = now;
  let start = startOfZonedDay(now, timeZone);
  for (let index = 0; index < count; index += 1) {
    days.unshift({ date: dateOf(start), window: { from: start, to: end } });
    end = start;
    start = startOfZonedDay(new Date(start.getTime() - 1), timeZone);
  }
  return days;
}
