import { HOUR_MS } from './TimeWindow.js';

/**
 * Month-to-date spend plus the current burn rate until the month ends: what the month costs if
 * nothing changes from now on.
 */
export function projectMonth(
  monthToDate: number,
  burnRatePerHour: number,
  now: Date,
  monthEnd: Date,
): number {
  const hoursLeft = Math.max(0, (monthEnd.getTime() - now.getTime()) / HOUR_MS);
  return monthToDate + burnRatePerHour * hoursLeft;
}
