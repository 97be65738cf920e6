import { z } from 'zod';
import { writeFileAtomic } from '../fs/writeFileAtomic.js';
import type { BilledSpend, BilledSpendQuery, BilledSpendSource } from './BilledSpendSource.js';
import { readJsonCache } from './readJsonCache.js';
import { HOUR_MS } from './TimeWindow.js';

const billedCacheSchema = z.object({
  query: z.object({ start: z.string(), end: z.string(), tag_key: z.string(), tag_value: z.string() }),
  fetched_at: z.string(),
  spend: z.object({
    amount: z.number(),
    amortized_amount: z.number().optional(),
    currency: z.string(),
    days: z.array(
      z.object({
        date: z.string(),
        amount: z.number(),
        amortized_amount: z.number().optional(),
        estimated: z.boolean(),
      }),
    ),
  }),
});

/** Each GetCostAndUsage call costs $0.01 and the data changes a few times a day. */
export const BILLED_SPEND_MAX_AGE_HOURS = 6;

export interface BilledSpendResult {
  basis: 'billed';
  spend?: BilledSpend;
  /** When the figures were fetched from Cost Explorer: the UI shows it. */
  fetched_at?: string;
  from_cache: boolean;
  /** Why fresh figures could not be fetched (the cached ones, if any, are still given). */
  error?: string;
}

function sameQuery(a: BilledSpendQuery, b: BilledSpendQuery): boolean {
  return a.start === b.start && a.end === b.end && a.tag_key === b.tag_key && a.tag_value === b.tag_value;
}

/**
 * Billed spend from Cost Explorer through a cache file: a cached answer to the same query younger
 * than `maxAgeHours` is returned without a call unless `force` is set.
 */
export async function loadBilledSpend(options: {
  source: BilledSpendSource;
  query: BilledSpendQuery;
  cacheFile: string;
  now?: Date;
  maxAgeHours?: number;
  force?: boolean;
}): Promise<BilledSpendResult> {
  const now = options.now ?? new Date();
  const cachedEntry = await readJsonCache(options.cacheFile, billedCacheSchema);
  const cached = cachedEntry && sameQuery(cachedEntry.query, options.query) ? cachedEntry : undefined;
  const maxAgeMs = (options.maxAgeHours ?? BILLED_SPEND_MAX_AGE_HOURS) * HOUR_MS;
  if (cached && !options.force && now.getTime() - Date.parse(cached.fetched_at) < maxAgeMs) {
    return { basis: 'billed', spend: cached.spend, fetched_at: cached.fetched_at, from_cache: true };
  }
  try {
    const spend = await options.source.fetchBilledSpend(options.query);
    const fetchedAt = now.toISOString();
    await writeFileAtomic(
      options.cacheFile,
      `${JSON.stringify({ query: options.query, fetched_at: fetchedAt, spend })}\n`,
    );
    return { basis: 'billed', spend, fetched_at: fetchedAt, from_cache: false };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return cached
      ? {
          basis: 'billed',
          spend: cached.spend,
          fetched_at: cached.fetched_at,
          from_cache: true,
          error: message,
        }
      : { basis: 'billed', from_cache: false, error: message };
  }
}
