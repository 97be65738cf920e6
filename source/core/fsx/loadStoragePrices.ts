import { join } from 'node:path';
import { z } from 'zod';
import { PRICE_CACHE_MAX_AGE_HOURS } from '../cost/loadApiPriceCatalog.js';
import { readJsonCache } from '../cost/readJsonCache.js';
import { HOUR_MS } from '../cost/TimeWindow.js';
import { writeFileAtomic } from '../fs/writeFileAtomic.js';
import type { StoragePriceList, StoragePricePort, StoragePriceSource } from './ports.js';
import { STORAGE_PRICES, type StoragePrices } from './storagePrices.js';

const price = z.number().positive();
const byThroughput = z.record(z.string(), price);
const cachedSchema = z.object({
  region: z.string(),
  fetched_at: z.string(),
  lustre: z.object({
    scratch2_gb_month: price.optional(),
    persistent2_gb_month: byThroughput,
    persistent1_hdd_gb_month: byThroughput,
    backup_gb_month: price.optional(),
  }),
  openzfs: z.object({
    ssd_gb_month: price.optional(),
    throughput_mbps_month: price.optional(),
    backup_gb_month: price.optional(),
  }),
  efs: z.object({
    standard_gb_month: price.optional(),
    infrequent_access_gb_month: price.optional(),
    archive_gb_month: price.optional(),
  }),
});
type CachedStoragePrices = z.infer<typeof cachedSchema>;

export interface StoragePriceOptions {
  source: StoragePriceSource;
  region: string;
  /** The app's cache dir; the region's list goes to `prices/storage-<region>.json`. */
  cacheDir?: string;
  now?: Date;
  maxAgeHours?: number;
}

export function storagePriceCacheFile(cacheDir: string, region: string): string {
  return join(cacheDir, 'prices', `storage-${region}.json`);
}

/** The figures the API listed, the snapshot's where it did not, and which ones those were. */
function merge(list: CachedStoragePrices, note: string | undefined): StoragePrices {
  const s = STORAGE_PRICES;
  const missing: string[] = [];
  const pick = (value: number | undefined, fallback: number, name: string) => {
    if (value !== undefined) return value;
    missing.push(name);
    return fallback;
  };
  const levels = (api: Record<string, number>, snapshot: Record<number, number>, name: string) => {
    const out: Record<number, number> = {};
    for (const [level, usd] of Object.entries(snapshot)) {
      out[Number(level)] = pick(api[level], usd, `${name} ${level}`);
    }
    for (const [level, usd] of Object.entries(api)) out[Number(level)] ??= usd;
    return out;
  };
  const prices: StoragePrices = {
    region: list.region,
    source: 'api',
    as_of: list.fetched_at,
    lustre: {
      scratch2_gb_month: pick(list.lustre.scratch2_gb_month, s.lustre.scratch2_gb_month, 'Lustre scratch'),
      persistent2_gb_month: levels(
        list.lustre.persistent2_gb_month,
        s.lustre.persistent2_gb_month,
        'Lustre persistent2',
      ),
      persistent1_hdd_gb_month: levels(
        list.lustre.persistent1_hdd_gb_month,
        s.lustre.persistent1_hdd_gb_month,
        'Lustre HDD',
      ),
      backup_gb_month: pick(list.lustre.backup_gb_month, s.lustre.backup_gb_month, 'Lustre backups'),
    },
    openzfs: {
      ssd_gb_month: pick(list.openzfs.ssd_gb_month, s.openzfs.ssd_gb_month, 'OpenZFS storage'),
      throughput_mbps_month: pick(
        list.openzfs.throughput_mbps_month,
        s.openzfs.throughput_mbps_month,
        'OpenZFS throughput',
      ),
      backup_gb_month: pick(list.openzfs.backup_gb_month, s.openzfs.backup_gb_month, 'OpenZFS backups'),
    },
    efs: {
      ...s.efs,
      standard_gb_month: pick(list.efs.standard_gb_month, s.efs.standard_gb_month, 'EFS standard'),
      infrequent_access_gb_month: pick(
        list.efs.infrequent_access_gb_month,
        s.efs.infrequent_access_gb_month,
        'EFS IA',
      ),
      archive_gb_month: pick(list.efs.archive_gb_month, s.efs.archive_gb_month, 'EFS archive'),
    },
    // EBS and EFS elastic throughput are the snapshot's: the EC2 price catalog prices volumes.
    ebs: s.ebs,
  };
  const notes = [
    ...(note ? [note] : []),
    ...(missing.length > 0
      ? [`not listed for ${list.region}, snapshot figure used: ${missing.join(', ')}`]
      : []),
  ];
  return notes.length > 0 ? { ...prices, note: notes.join('; ') } : prices;
}

function toCached(list: StoragePriceList, now: Date): CachedStoragePrices {
  return { ...list, fetched_at: now.toISOString() };
}

/**
 * The region's FSx and EFS prices from the Price List API, cached on disk for a week like the EC2
 * prices. When the API is unreachable or denied, the last cached list or else the snapshot is used,
 * and the prices say so. It never rejects.
 */
export async function loadStoragePrices(options: StoragePriceOptions): Promise<StoragePrices> {
  const now = options.now ?? new Date();
  const file = options.cacheDir ? storagePriceCacheFile(options.cacheDir, options.region) : undefined;
  const cached = file ? await readJsonCache(file, cachedSchema) : undefined;
  const maxAgeMs = (options.maxAgeHours ?? PRICE_CACHE_MAX_AGE_HOURS) * HOUR_MS;
  if (cached && now.getTime() - Date.parse(cached.fetched_at) < maxAgeMs) return merge(cached, undefined);
  try {
    const fresh = toCached(await options.source.fetchStoragePrices(options.region), now);
    // A cache that cannot be written only means asking the API again next time.
    if (file) await writeFileAtomic(file, `${JSON.stringify(fresh)}\n`).catch(() => undefined);
    return merge(fresh, undefined);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const why = `Price List API unavailable for ${options.region} (${reason})`;
    if (cached) return merge(cached, `${why}; using prices fetched ${cached.fetched_at.slice(0, 10)}`);
    const regionNote = options.region === STORAGE_PRICES.region ? '' : `, not ${options.region}'s`;
    return { ...STORAGE_PRICES, note: `${why}; snapshot prices${regionNote}` };
  }
}

/**
 * The storage price port over a source: each region is loaded once a session (through the cache),
 * on first need.
 */
export function cachedStoragePrices(
  options: Omit<StoragePriceOptions, 'region' | 'source'> & { source: () => Promise<StoragePriceSource> },
): StoragePricePort {
  const loaded = new Map<string, Promise<StoragePrices>>();
  return {
    pricesFor(region) {
      let prices = loaded.get(region);
      if (!prices) {
        prices = options.source().then(
          (source) => loadStoragePrices({ ...options, source, region }),
          (error: unknown) => loadStoragePrices({ ...options, region, source: failing(error) }),
        );
        loaded.set(region, prices);
      }
      return prices;
    },
  };
}

/** A source that could not be created (its SDK failed to load) fails like an unreachable API. */
function failing(error: unknown): StoragePriceSource {
  return {
    fetchStoragePrices: () => Promise.reject(error),
  };
}
