import type { CatalogTable } from '../../../core/analytics/ports.js';

/** A sample table of the demo catalog: its columns, size on S3, and how its rows are made. */
export interface DemoTable extends CatalogTable {
  size_bytes: number;
  row_count: number;
  /** The row at an index: deterministic, so results are the same every run. */
  row(index: number): string[];
}

const STATIONS = ['USW00094728', 'USW00023174', 'GME00127786', 'ASN00066062'];
const SERVICES = ['EC2', 'EFS', 'Athena', 'DataBrew', 'QuickSight'];
const PROJECTS = ['genomics', 'climate', 'teaching'];

function day(index: number): string {
  return new Date(Date.UTC(2026, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
}

/** Deterministic pseudo-noise in [0, 1) from an index (no state, no Math.random). */
function noise(index: number, salt: number): number {
  const x = Math.sin(index * 12.9898 + salt * 78.233) * 43_758.5453;
  return x - Math.floor(x);
}

export const DEMO_DATABASE = 'cws_samples';

/** The demo account's Glue Data Catalog: one database of sample tables under s3://cws-demo-lab/. */
export const DEMO_TABLES: readonly DemoTable[] = [
  {
    database: DEMO_DATABASE,
    name: 'weather_daily',
    columns: [
      { name: 'station', type: 'string' },
      { name: 'day', type: 'date' },
      { name: 'tmax_c', type: 'double' },
      { name: 'precip_mm', type: 'double' },
    ],
    location: 's3://cws-demo-lab/samples/weather_daily/',
    size_bytes: 48 * 1024 ** 2,
    row_count: 120,
    updated_at: '2026-11-02T08:00:00.000Z',
    row: (i) => [
      STATIONS[i % STATIONS.length] ?? '',
      day(Math.floor(i / STATIONS.length)),
      (5 + 20 * noise(i, 1)).toFixed(1),
      (10 * noise(i, 2) ** 3).toFixed(1),
    ],
  },
  {
    database: DEMO_DATABASE,
    name: 'lab_spend',
    columns: [
      { name: 'day', type: 'date' },
      { name: 'service', type: 'string' },
      { name: 'project', type: 'string' },
      { name: 'usd', type: 'double' },
    ],
    location: 's3://cws-demo-lab/cur/lab_spend/',
    size_bytes: 3 * 1024 ** 2,
    row_count: 450,
    updated_at: '2026-12-01T03:00:00.000Z',
    row: (i) => [
      day(Math.floor(i / 15)),
      SERVICES[i % SERVICES.length] ?? '',
      PROJECTS[Math.floor(i / SERVICES.length) % PROJECTS.length] ?? '',
      (40 * noise(i, 3)).toFixed(2),
    ],
  },
  {
    database: DEMO_DATABASE,
    name: 'sensor_events',
    columns: [
      { name: 'event_id', type: 'bigint' },
      { name: 'sensor', type: 'string' },
      { name: 'reading', type: 'double' },
    ],
    location: 's3://cws-demo-lab/samples/sensor_events/',
    // Large enough to cross a 10 GB per-query limit on a full scan.
    size_bytes: 24 * 1024 ** 3,
    row_count: 100_000,
    updated_at: '2026-11-20T12:00:00.000Z',
    row: (i) => [
      String(i + 1),
      `sensor-${(i % 64).toString().padStart(2, '0')}`,
      (100 * noise(i, 4)).toFixed(3),
    ],
  },
];

/** A sample table by its name (bare or `cws_samples.`), or a crawled one (`database.table`, or bare). */
export function findDemoTable(name: string, crawled: readonly DemoTable[] = []): DemoTable | undefined {
  const bare = name.replace(/"/g, '').toLowerCase();
  const short = bare.startsWith(`${DEMO_DATABASE}.`) ? bare.slice(DEMO_DATABASE.length + 1) : bare;
  return (
    DEMO_TABLES.find((table) => table.name === short) ??
    crawled.find((table) => `${table.database}.${table.name}` === bare || table.name === bare)
  );
}
