import { z } from 'zod';

/** One direction's figures from fio: bytes a second, operations a second, completion latency. */
export interface FioDirection {
  mb_per_s: number;
  iops: number;
  /** Completion latency percentiles in milliseconds (p50, p99, p99.9); absent when nothing ran. */
  latency_ms?: { p50: number; p99: number; p99_9: number };
}

/** What a fio run measured, summed over its jobs. */
export interface FioSummary {
  fio_version: string;
  read: FioDirection;
  write: FioDirection;
  /** Read and write together, MB/s (10^6 bytes). */
  total_mb_per_s: number;
  total_iops: number;
}

const direction = z.object({
  bw_bytes: z.number().nonnegative(),
  iops: z.number().nonnegative(),
  total_ios: z.number().nonnegative(),
  clat_ns: z.object({ percentile: z.record(z.string(), z.number()).optional() }),
});
const fioSchema = z.object({
  'fio version': z.string(),
  jobs: z
    .array(z.object({ jobname: z.string(), error: z.number(), read: direction, write: direction }))
    .min(1),
});
type Direction = z.infer<typeof direction>;

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/**
 * Reads fio's `--output-format=json` (fio may print warnings before the JSON, which are skipped):
 * throughput and IOPS summed over the jobs, latency percentiles from the busiest job. Returns a
 * reason instead when the text is not fio's JSON or a job reported an error.
 */
export function parseFioJson(text: string): FioSummary | { problem: string } {
  const start = text.indexOf('{');
  if (start < 0) return { problem: 'fio printed no JSON' };
  let raw: unknown;
  try {
    raw = JSON.parse(text.slice(start));
  } catch {
    return { problem: 'fio output is not valid JSON (was it cut short?)' };
  }
  const parsed = fioSchema.safeParse(raw);
  if (!parsed.success) return { problem: "fio's JSON lacks the jobs' read and write figures" };
  const { jobs } = parsed.data;
  const failed = jobs.find((job) => job.error !== 0);
  if (failed) return { problem: `fio job ${failed.jobname} failed with error ${failed.error}` };
  const sum = (pick: (job: (typeof jobs)[number]) => Direction): FioDirection => {
    const all = jobs.map(pick);
    const busiest = all.reduce<Direction | undefined>(
      (a, b) => (a && a.total_ios >= b.total_ios ? a : b),
      undefined,
    );
    const latency = busiest && latencyOf(busiest);
    return {
      mb_per_s: round(all.reduce((total, d) => total + d.bw_bytes, 0) / 1e6, 1),
      iops: Math.round(all.reduce((total, d) => total + d.iops, 0)),
      ...(latency ? { latency_ms: latency } : {}),
    };
  };
  const read = sum((job) => job.read);
  const write = sum((job) => job.write);
  return {
    fio_version: parsed.data['fio version'],
    read,
    write,
    total_mb_per_s: round(read.mb_per_s + write.mb_per_s, 1),
    total_iops: read.iops + write.iops,
  };
}

function latencyOf(d: Direction): FioDirection['latency_ms'] {
  const percentiles = d.clat_ns.percentile;
  if (d.total_ios === 0 || !percentiles) return undefined;
  const at = (key: string) => round((percentiles[key] ?? 0) / 1e6, 3);
  return { p50: at('50.000000'), p99: at('99.000000'), p99_9: at('99.900000') };
}
