import { formatHourlyAmount, formatUsd } from '../cost/formatUsd.js';

/**
 * `$0.0416`, `$1.006`, `$500.00`, `$3,031.80`: whole cents for large amounts, and up to four places
 * below $100 so that an hourly price just over a cap never prints as equal to it. Built on the one
 * formatter, so separators and rounding match every other view.
 */
export function formatUsdPrecise(amount: number): string {
  if (Math.abs(amount) >= 100) return formatUsd(amount);
  return formatHourlyAmount(amount).replace(/0{1,2}$/, '');
}
