import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchFigure } from './BenchFigure.js';
import { spawnInTerminal } from './terminalApp.js';

const BUNDLE = resolve(process.env.CWS_BENCH_BUNDLE ?? resolve(import.meta.dirname, '../dist/cws-tui.js'));
/** Page-downs through the 100,000-row result: about 30 rows each, so the table pages in ~80,000 rows. */
const PAGE_MOVES = 2500;
const ROW_MOVES = 300;
const PAGE_DOWN = '\u001B[6~';

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const percentile = (values: readonly number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? 0;

/**
 * The :athena page with a 100,000-row result (the demo's sensor_events) at 120x40: key to frame
 * end while paging down through it (the next 1,000 rows fetched as the cursor nears their end)
 * and moving row by row deep in it, and the peak memory after.
 */
export async function runAthenaBench(): Promise<BenchFigure[]> {
  const root = mkdtempSync(join(tmpdir(), 'cws-bench-athena-'));
  try {
    for (const dir of ['config', 'state']) mkdirSync(join(root, dir));
    const app = spawnInTerminal(`${BUNDLE} --demo --refresh 3600`, {
      HOME: root,
      CWS_CONFIG_DIR: join(root, 'config'),
      CWS_STATE_DIR: join(root, 'state'),
      CWS_DEMO_SPEED: '0',
      AWS_EC2_METADATA_DISABLED: 'true',
      TERM: 'xterm-256color',
      PATH: process.env.PATH ?? '/usr/bin:/bin',
    });
    await app.waitForFirstFrame();
    await app.press(':');
    await app.press('athena\r');
    await app.waitForText('sensor_events', 30_000);
    // The app's own peak before any result: what the result adds is the difference.
    const openedMb = app.peakMemoryMb();
    for (const key of 'SELECT event_id, sensor, reading FROM sensor_events') await app.press(key);
    await app.press('\u0012', 30_000);
    await app.waitForText('1000+ rows', 60_000);
    await app.press('\t');
    const pages: number[] = [];
    for (let move = 0; move < PAGE_MOVES; move++) pages.push(await app.press(PAGE_DOWN, 10_000));
    const rows: number[] = [];
    for (let move = 0; move < ROW_MOVES; move++)
      rows.push(await app.press(move % 2 === 0 ? 'j' : 'k', 10_000));
    const peakMb = app.peakMemoryMb();
    // Key latency on a shared machine says as much about the machine as about the app.
    const load = loadavg()[0] ?? Number.NaN;
    await app.quit();
    return [
      {
        name: `athena: key to frame end, page down a 100,000-row result (p50, ${PAGE_MOVES} keys)`,
        value: median(pages),
        unit: 'ms',
      },
      {
        name: 'athena: key to frame end, page down a 100,000-row result (p99)',
        value: percentile(pages, 0.99),
        unit: 'ms',
        goal: '<= 16 ms',
      },
      {
        name: 'athena: key to frame end, page down a 100,000-row result (max)',
        value: Math.max(...pages),
        unit: 'ms',
        goal: '<= 33 ms',
      },
      {
        name: 'athena: key to frame end, row moves deep in the result (p99)',
        value: percentile(rows, 0.99),
        unit: 'ms',
        goal: '<= 16 ms',
      },
      {
        name: `athena: machine load average (1 min) after paging, ${availableParallelism()} cores`,
        value: load,
        unit: 'load',
      },
      { name: 'athena: VmHWM with the page open, before the query', value: openedMb, unit: 'MB' },
      { name: 'athena: VmHWM after paging through the result', value: peakMb, unit: 'MB', goal: '<= 120 MB' },
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
