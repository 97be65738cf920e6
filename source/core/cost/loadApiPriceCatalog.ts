import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/writeFileAtomic.js';
import type { OnDemandPriceSource } from './OnDemandPriceSource.js';
import type { PriceCatalog } from './PriceCatalog.js';
import type { PriceQuote, StoragePriceQuote } from './PriceQuote.js';
import { PRICE_SNAPSHOT_DATE, snapshotPriceCatalog } from './priceTable.js';
import { readJsonCache } from './readJsonCache.js';
import { HOUR_MS } from './TimeWindow.js';

const cachedRegionSchema = z.object({
  region: z.string(),
  fetched_at: z.string(),
  published_at: z.string().optional(),
  usd_per_hour: z.record(z.string(), z.number().nonnegative()),
  ebs_per_gb_month: z.object({ gp3: z.number(), gp2: z.number(), io2: z.number() }).partial().default({}),
});
type CachedRegionPrices = z.infer<typeof cachedRegionSchema>;

/** Prices change a few times a year; a week-old list is current enough and spares the API. */
export const PRICE_CACHE_MAX_AGE_HOURS = 7 * 24;

export interface ApiPriceCatalogOptions {
  source: OnDemandPriceSource;
  regions: readonly string[];
  /** The app's cache dir (`resolveAppPaths().cacheDir`); lists go to `prices/ec2-<region>.json`. */
  cacheDir: string;
  now?: Date;
  maxAgeHours?: number;
  /** Fetch even when the cache is fresh. */
  force?: boolean;
  /** Where prices the API did not give come from; the shipped snapshot by default. */
  fallback?: PriceCatalog;
}

export interface ApiPriceCatalog {
  catalog: PriceCatalog;
  /** One line per region that could not be refreshed, to show next to the prices. */
  notes: string[];
  /** Regions whose API prices were fetched during this call (the others came from the cache). */
  fetched: string[];
}

export function priceCacheFile(cacheDir: string, region: string): string {
  return join(cacheDir, 'prices', `ec2-${region}.json`);
}

interface RegionOutcome {
  prices?: CachedRegionPrices;
  /** Why the API prices are missing or old. */
  note?: string;
  fetched: boolean;
}

async function loadRegion(
  region: string,
  options: ApiPriceCatalogOptions,
  now: Date,
): Promise<RegionOutcome> {
  const file = priceCacheFile(options.cacheDir, region);
  const cached = await readJsonCache(file, cachedRegionSchema);
  const maxAgeMs = (options.maxAgeHours ?? PRICE_CACHE_MAX_AGE_HOURS) * HOUR_MS;
  if (cached && !options.force && now.getTime() - Date.parse(cached.fetched_at) < maxAgeMs) {
    return { prices: cached, fetched: false };
  }
  try {
    const list = await options.source.fetchRegionPrices(region);
    const prices: CachedRegionPrices = {
      region,
      fetched_at: now.toISOString(),
      usd_per_hour: list.usd_per_hour,
      ebs_per_gb_month: list.ebs_per_gb_month,
      ...(list.published_at ? { published_at: list.published_at } : {}),
    };
    await writeFileAtomic(file, `${JSON.stringify(prices)}\n`);
    return { prices, fetched: true };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return cached
      ? {
          prices: cached,
          fetched: false,
          note: `Price List API unavailable for ${region} (${reason}); using prices fetched ${cached.fetched_at.slice(0, 10)}`,
        }
      : {
          fetched: false,
          note: `Price List API unavailable for ${region} (${reason}); showing the estimate snapshot of ${PRICE_SNAPSHOT_DATE}`,
        };
  }
}

function withNote(quote: PriceQuote, note: string | undefined): PriceQuote {
  return note ? { ...quote, note: quote.note ? `${note}; ${quote.note}` : note } : quote;
}

/**
 * EC2 instance and EBS prices from the AWS Price List API, cached on disk with an expiry, layered
 * over the snapshot: SageMaker and EFS prices, and anything the API did not list, come from the
 * fallback. When the
 * API is unreachable or not permitted, the last cached list or the snapshot is used and every price
 * from that region carries a note saying so.
 */
export async function loadApiPriceCatalog(options: ApiPriceCatalogOptions): Promise<ApiPriceCatalog> {
  const now = options.now ?? new Date();
  const fallback = options.fallback ?? snapshotPriceCatalog;
  const outcomes = new Map<string, RegionOutcome>();
  for (const region of new Set(options.regions)) outcomes.set(region, await loadRegion(region, options, now));
  const catalog: PriceCatalog = {
    instanceHourly(instanceType, region) {
      const outcome = outcomes.get(region);
      const name = instanceType.trim().toLowerCase();
      const usd = outcome?.prices?.usd_per_hour[name];
      if (outcome?.prices && usd !== undefined) {
        const quote: PriceQuote = {
          usd_per_hour: usd,
          source: 'api',
          as_of: outcome.prices.published_at ?? outcome.prices.fetched_at,
        };
        return withNote(quote, outcome.note);
      }
      const quote = fallback.instanceHourly(name, region);
      return quote && withNote(quote, outcome?.note);
    },
    storageMonthly(kind, region) {
      const outcome = outcomes.get(region);
      const usd = kind === 'efs' ? undefined : outcome?.prices?.ebs_per_gb_month[kind];
      if (outcome?.prices && usd !== undefined) {
        const quote: StoragePriceQuote = {
          usd_per_gb_month: usd,
          source: 'api',
          as_of: outcome.prices.fetched_at,
        };
        if (outcome.note) quote.note = outcome.note;
        return quote;
      }
      const quote = fallback.storageMonthly(kind, region);
      return quote && outcome?.note
        ? { ...quote, note: quote.note ? `${outcome.note}; ${quote.note}` : outcome.note }
        : quote;
    },
  };
  return {
    catalog,
    notes: [...outcomes.values()].flatMap((outcome) => (outcome.note ? [outcome.note] : [])),
    fetched: [...outcomes.entries()].filter(([, outcome]) => outcome.fetched).map(([region]) => region),
  };
}
