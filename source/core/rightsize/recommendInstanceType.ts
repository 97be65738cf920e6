import type { InstanceTypeInfo } from '../catalog/InstanceTypeInfo.js';
import type { PriceCatalog } from '../cost/PriceCatalog.js';
import { HOURS_PER_MONTH } from '../cost/PriceQuote.js';
import type { UsageSamples } from '../ports.js';

export const RIGHTSIZE_DAYS = 14;
/** A day of five-minute samples: less is not evidence enough. */
const MIN_SAMPLES = 288;
/** Sized so that the p95 load would use this much of the new type. */
const TARGET_UTILISATION = 0.6;
const DOWNSIZE_BELOW_P95 = 20;
const UPSIZE_ABOVE_P95 = 80;
/** Without memory figures a smaller type keeps at least half the memory. */
const UNMEASURED_MEMORY_FLOOR = 0.5;

export interface RightsizeRecommendation {
  verdict: 'downsize' | 'upsize' | 'keep' | 'not-enough-data';
  current: string;
  recommended?: string;
  evidence: { samples: number; p95_cpu_percent?: number; peak_memory_percent?: number };
  /** Positive: saved per month (730 h) running the whole time; negative: what the upsize costs. */
  monthly_saving_usd?: number;
  reason: string;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? 0;
}

/**
 * Recommends a type of the same family (same architecture and GPUs) from 14 days of CPU (p95) and,
 * when the CloudWatch agent publishes it, memory (peak): the cheapest that would run the p95 load
 * at 60% and hold the peak memory with headroom; larger when the p95 is above 80%.
 */
export function recommendInstanceType(
  current: InstanceTypeInfo,
  region: string,
  usage: UsageSamples,
  catalog: readonly InstanceTypeInfo[],
  prices: PriceCatalog,
): RightsizeRecommendation {
  const samples = usage.cpu_percent.length;
  if (samples < MIN_SAMPLES) {
    return {
      verdict: 'not-enough-data',
      current: current.name,
      evidence: { samples },
      reason: `${samples} five-minute samples: at least a day of running is needed`,
    };
  }
  const p95 = percentile(usage.cpu_percent, 95);
  const peakMemory = usage.memory_percent?.length ? Math.max(...usage.memory_percent) : undefined;
  const evidence = {
    samples,
    p95_cpu_percent: round(p95),
    ...(peakMemory !== undefined ? { peak_memory_percent: round(peakMemory) } : {}),
  };
  const hourly = (type: string) => prices.instanceHourly(type, region)?.usd_per_hour;
  const family = current.name.split('.')[0];
  const siblings = catalog.filter(
    (t) =>
      t.name.split('.')[0] === family &&
      t.architecture === current.architecture &&
      t.gpus === current.gpus &&
      hourly(t.name) !== undefined,
  );
  const busyVcpus = (p95 / 100) * current.vcpus;
  const memoryNeeded =
    peakMemory !== undefined
      ? ((peakMemory / 100) * current.memory_gib) / 0.8
      : current.memory_gib * UNMEASURED_MEMORY_FLOOR;
  const keep = (reason: string): RightsizeRecommendation => ({
    verdict: 'keep',
    current: current.name,
    evidence,
    reason,
  });
  let candidates: InstanceTypeInfo[] = [];
  let verdict: 'downsize' | 'upsize' = 'downsize';
  if (p95 < DOWNSIZE_BELOW_P95 && (peakMemory === undefined || peakMemory < 60)) {
    const vcpusNeeded = Math.max(1, Math.ceil(busyVcpus / TARGET_UTILISATION));
    candidates = siblings.filter(
      (t) => t.vcpus >= vcpusNeeded && t.memory_gib >= memoryNeeded && t.vcpus < current.vcpus,
    );
  } else if (p95 > UPSIZE_ABOVE_P95 || (peakMemory !== undefined && peakMemory > 90)) {
    verdict = 'upsize';
    // A saturated CPU hides how much more it wanted: at least double it.
    const vcpusNeeded = Math.max(current.vcpus * 2, Math.ceil(busyVcpus / TARGET_UTILISATION));
    candidates = siblings.filter((t) => t.vcpus >= vcpusNeeded && t.memory_gib >= memoryNeeded);
  } else {
    return keep(`p95 CPU ${round(p95)}% is within ${DOWNSIZE_BELOW_P95}-${UPSIZE_ABOVE_P95}%`);
  }
  const best = candidates.sort((a, b) => (hourly(a.name) ?? 0) - (hourly(b.name) ?? 0))[0];
  const now = hourly(current.name);
  if (!best || now === undefined) {
    return keep(
      verdict === 'downsize'
        ? `no smaller ${family} type fits the load`
        : `no larger ${family} type is priced here`,
    );
  }
  const saving = (now - (hourly(best.name) ?? now)) * HOURS_PER_MONTH;
  return {
    verdict,
    current: current.name,
    recommended: best.name,
    evidence,
    monthly_saving_usd: saving,
    reason:
      verdict === 'downsize'
        ? `p95 CPU ${round(p95)}% of ${current.vcpus} vCPUs fits ${best.vcpus} vCPUs at ${Math.round(TARGET_UTILISATION * 100)}%`
        : `p95 CPU ${round(p95)}%${peakMemory !== undefined ? `, peak memory ${round(peakMemory)}%` : ''}: ${current.name} is saturated`,
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
