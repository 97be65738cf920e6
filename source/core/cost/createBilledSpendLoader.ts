import { join } from 'node:path';
import type { BilledSpendQuery, BilledSpendSource } from './BilledSpendSource.js';
import { monthToDateBilledQuery, windowBilledQuery } from './billedSpendQuery.js';
import { type BilledSpendResult, loadBilledSpend } from './loadBilledSpend.js';
import type { TimeWindow } from './TimeWindow.js';

/**
 * After Cost Explorer fails (no permission, not enabled), the TUI's refreshes do not ask again for
 * this long: each call is billed and the answer will not change within seconds.
 */
export const BILLED_SPEND_RETRY_MINUTES = 15;

export interface BilledSpendLoaderOptions {
  /** Made on first use: the Cost Explorer SDK is only loaded when billed spend is asked for. */
  source: () => Promise<BilledSpendSource>;
  cacheDir: string;
  /** Whose figures they are (`aws-lab`): one cache file each, so profiles never share one. */
  cacheKey: string;
}

/** Where the billed spend of a profile is cached. */
export function billedSpendCacheFile(cacheDir: string, cacheKey: string): string {
  return join(cacheDir, 'billed', `${cacheKey.replace(/[^A-Za-z0-9_.-]/g, '_')}.json`);
}

/**
 * Billed spend for the cost report: this month so far, or the requested window, through the 6-hour
 * cache. A source that cannot be made (no SDK, no credentials) comes back as the result's error, so
 * the estimates are still shown.
 */
export function createBilledSpendLoader(
  options: BilledSpendLoaderOptions,
): (now: Date, window?: TimeWindow) => Promise<BilledSpendResult> {
  let source: Promise<BilledSpendSource> | undefined;
  let failed: { at: number; query: string; result: BilledSpendResult } | undefined;
  return async (now, window) => {
    const query = window ? windowBilledQuery(window.from, window.to) : monthToDateBilledQuery(now);
    const queryKey = JSON.stringify(query);
    if (
      failed &&
      failed.query === queryKey &&
      now.getTime() - failed.at < BILLED_SPEND_RETRY_MINUTES * 60_000
    ) {
      return failed.result;
    }
    const result = await load(query, now);
    failed = result.error ? { at: now.getTime(), query: queryKey, result } : undefined;
    return result;
  };

  async function load(query: BilledSpendQuery, now: Date): Promise<BilledSpendResult> {
    source ??= options.source();
    let made: BilledSpendSource;
    try {
      made = await source;
    } catch (error) {
      source = undefined;
      return {
        basis: 'billed',
        from_cache: false,
        error: error instanceof Error ? error.message : String(error),
      };
    }
    return loadBilledSpend({
      source: made,
      query,
      cacheFile: billedSpendCacheFile(options.cacheDir, options.cacheKey),
      now,
    });
  }
}
