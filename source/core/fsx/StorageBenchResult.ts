import { z } from 'zod';
import { BENCH_PATTERNS } from './fioBenchScript.js';

const direction = z.object({
  mb_per_s: z.number(),
  iops: z.number(),
  latency_ms: z.object({ p50: z.number(), p99: z.number(), p99_9: z.number() }).optional(),
});

/** One `storage bench` run as the state dir keeps it, for `storage recommend` to show. */
export const storageBenchResultSchema = z.object({
  at: z.string(),
  workstation: z.string(),
  instance_type: z.string(),
  target_id: z.string(),
  /** The advisor's name for this storage (e.g. "FSx Lustre scratch"), so its figure shows there. */
  storage_type: z.string(),
  capacity_gib: z.number(),
  pattern: z.enum(BENCH_PATTERNS),
  size: z.string(),
  fio_version: z.string(),
  read: direction,
  write: direction,
  total_mb_per_s: z.number(),
  total_iops: z.number(),
});
export type StorageBenchResult = z.infer<typeof storageBenchResultSchema>;

/**
 * The latest sequential throughput measured for each storage type, as the advisor takes it: a
 * figure next to AWS's published one, not a replacement for it.
 */
export function measuredThroughputByType(results: readonly StorageBenchResult[]): Record<string, number> {
  const latest: Record<string, StorageBenchResult> = {};
  for (const result of results) {
    if (result.pattern !== 'seq') continue;
    const seen = latest[result.storage_type];
    if (!seen || seen.at < result.at) latest[result.storage_type] = result;
  }
  return Object.fromEntries(Object.entries(latest).map(([type, r]) => [type, r.total_mb_per_s]));
}
