/** Figures a demo workstation measures per storage kind: MB/s streaming, 4 KiB IOPS, creates/s, p50 ms. */
const FIGURES: Record<string, { seq: number; random: number; metadata: number; p50: number }> = {
  'lustre-scratch2': { seq: 520, random: 28_000, metadata: 4_200, p50: 0.6 },
  'lustre-persistent2': { seq: 310, random: 22_000, metadata: 3_800, p50: 0.7 },
  openzfs: { seq: 180, random: 16_000, metadata: 9_000, p50: 0.4 },
  'ebs-gp3': { seq: 125, random: 3_000, metadata: 12_000, p50: 0.8 },
  'ebs-io2': { seq: 500, random: 16_000, metadata: 14_000, p50: 0.3 },
};
const OTHER = { seq: 100, random: 1_500, metadata: 900, p50: 2.5 };

function direction(bytesPerSecond: number, iops: number, p50Ms: number, seconds: number) {
  const ns = (ms: number) => Math.round(ms * 1e6);
  const ios = Math.round(iops * seconds);
  return {
    io_bytes: Math.round(bytesPerSecond * seconds),
    bw_bytes: Math.round(bytesPerSecond),
    bw: Math.round(bytesPerSecond / 1024),
    iops,
    runtime: seconds * 1000,
    total_ios: ios,
    clat_ns:
      ios === 0
        ? { min: 0, max: 0, mean: 0, stddev: 0, N: 0 }
        : {
            min: ns(p50Ms / 4),
            max: ns(p50Ms * 40),
            mean: ns(p50Ms * 1.3),
            stddev: ns(p50Ms),
            N: ios,
            percentile: {
              '50.000000': ns(p50Ms),
              '99.000000': ns(p50Ms * 6),
              '99.900000': ns(p50Ms * 15),
            },
          },
  };
}

/**
 * What fio's `--output-format=json` prints on a demo workstation for the script's pattern and
 * storage kind (`pattern=seq size=1G kind=lustre-scratch2 dir=/fsx`): the same figures every time,
 * shaped as fio 3.33 prints them, so the parser and the recorded results work as on AWS.
 */
export function demoFioOutput(args: string): string {
  const pattern = /pattern=(\S+)/.exec(args)?.[1] ?? 'seq';
  const kind = /kind=(\S+)/.exec(args)?.[1] ?? '';
  const figures = FIGURES[kind] ?? OTHER;
  const seconds = pattern === 'metadata' ? 8 : 60;
  const mb = 1e6;
  const [read, write] =
    pattern === 'seq'
      ? [
          direction((figures.seq / 2) * mb, figures.seq / 2, figures.p50 * 8, seconds),
          direction((figures.seq / 2) * mb, figures.seq / 2, figures.p50 * 10, seconds),
        ]
      : pattern === 'random'
        ? [
            direction(figures.random * 0.7 * 4096, figures.random * 0.7, figures.p50, seconds),
            direction(figures.random * 0.3 * 4096, figures.random * 0.3, figures.p50 * 1.5, seconds),
          ]
        : [
            direction(figures.metadata * 4096, figures.metadata, figures.p50 / 2, seconds),
            direction(0, 0, 0, seconds),
          ];
  const output = {
    'fio version': 'fio-3.33',
    timestamp: 1_765_000_000,
    jobs: [{ jobname: `cws-${pattern}`, groupid: 0, error: 0, read, write }],
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}
