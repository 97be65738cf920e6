/** Binary and decimal size units to GiB: FSx and EBS are sized in GiB, people write TiB or TB. */
const SIZE_UNITS: Record<string, number> = {
  '': 1,
  gib: 1,
  gb: 1000 ** 3 / 1024 ** 3,
  tib: 1024,
  tb: 1000 ** 4 / 1024 ** 3,
  pib: 1024 * 1024,
  pb: 1000 ** 5 / 1024 ** 3,
};

/** Rate units to MB/s. */
const RATE_UNITS: Record<string, number> = { '': 1, mb: 1, mib: 1.048576, gb: 1000, gib: 1073.741824 };

/** "20TiB", "1200", "1.5 TB" in GiB (rounded up); undefined when it is not a size. */
export function parseCapacityGib(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  if (!match) return undefined;
  const factor = SIZE_UNITS[(match[2] ?? '').toLowerCase()];
  const value = Number(match[1]);
  if (factor === undefined || !(value > 0)) return undefined;
  return Math.ceil(value * factor - 1e-9);
}

/** "2GB/s", "500MB/s", "500" in MB/s; undefined when it is not a rate. */
export function parseThroughputMbps(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*?)(?:\/s|ps)?\s*$/i.exec(text);
  if (!match) return undefined;
  const factor = RATE_UNITS[(match[2] ?? '').toLowerCase()];
  const value = Number(match[1]);
  if (factor === undefined || !(value > 0)) return undefined;
  return value * factor;
}

/** 20480 GiB as "20 TiB", 1200 as "1200 GiB": how figures are shown back. */
export function formatGib(gib: number): string {
  return gib >= 1024 && gib % 1024 === 0 ? `${gib / 1024} TiB` : `${gib} GiB`;
}
