/**
 * `$0.0416`, `$1.006`, `$500.00`: whole cents for large amounts, and up to four places below $100
 * so that an hourly price just over a cap never prints as equal to it.
 */
export function formatUsdPrecise(amount: number): string {
  if (Math.abs(amount) >= 100) return `$${amount.toFixed(2)}`;
  return `$${amount.toFixed(4).replace(/0{1,2}$/, '')}`;
}
