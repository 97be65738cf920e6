/** Athena's on-demand price per TB scanned (us-east-1 and most regions, SQL queries). */
export const ATHENA_USD_PER_TB = 5;

const MB = 1024 ** 2;
const TB = 1024 ** 4;

/** Athena bills at least 10 MB per query that scans anything. */
export const ATHENA_MINIMUM_BILLED_BYTES = 10 * MB;

/**
 * What a query costs: bytes scanned rounded up to the next megabyte, at least 10 MB, at the price
 * per TB. A query that scanned nothing (DDL, a failed query) costs nothing. A cancelled query is
 * charged for what it scanned before it stopped.
 */
export function athenaQueryCost(bytesScanned: number, usdPerTb = ATHENA_USD_PER_TB): number {
  if (!Number.isFinite(bytesScanned) || bytesScanned <= 0) return 0;
  const billed = Math.max(Math.ceil(bytesScanned / MB) * MB, ATHENA_MINIMUM_BILLED_BYTES);
  return (billed / TB) * usdPerTb;
}
