import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { createDemoAccount, DEMO_REGIONS } from '../source/aws/demo/createDemoAccount.js';
import type { RunInstanceRequest } from '../source/core/ports.js';
import type { BenchFigure } from './BenchFigure.js';
import { buildInkHelloWorld } from './inkHelloWorld.js';
import { spawnInTerminal } from './terminalApp.js';

const WORKSTATIONS = 10_000;
const TYPES = ['t3.medium', 't3.large', 'm7i.large', 'm7i.xlarge', 'r7i.large', 'g5.xlarge'];
// CWS_BENCH_BUNDLE measures another build (an older commit's, say) with the same bench.
const BUNDLE = resolve(process.env.CWS_BENCH_BUNDLE ?? resolve(import.meta.dirname, '../dist/cws-tui.js'));
const STARTS = 5;
/** Consecutive moves down past the first screen, each one scrolling the table by a row. */
const SCROLL_MOVES = 500;
/** Typing with the default refresh on: 20 keys a second for this long (the goal says 60 s). */
const TYPING_MS = Number(process.env.CWS_BENCH_TYPING_MS ?? 60_000);
const KEY_INTERVAL_MS = 50;
/** Enough rows that every key of the typing moves the cursor: the anchor's memory without 10,000. */
const FEW_WORKSTATIONS = 250;
const loaded = (count: number) => `${count.toLocaleString('en-US')} workstations`;

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const percentile = (values: readonly number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? 0;

/**
 * The TUI's figures at 120x40, each as the goal states it: first frame against Ink's hello world
 * started the same way in the same run; bytes per move while the table scrolls; key-to-frame time
 * (to the frame's end) while typing 20 keys a second with the default 5 s refresh on, and the
 * peak resident memory after that.
 */
export async function runTuiBench(): Promise<BenchFigure[]> {
  const root = mkdtempSync(join(tmpdir(), 'cws-bench-tui-'));
  try {
    const env = (state: string): NodeJS.ProcessEnv => ({
      HOME: root,
      CWS_CONFIG_DIR: join(root, 'config'),
      CWS_STATE_DIR: join(root, state),
      CWS_DEMO_SPEED: '0',
      AWS_EC2_METADATA_DISABLED: 'true',
      TERM: 'xterm-256color',
      PATH: process.env.PATH ?? '/usr/bin:/bin',
    });
    for (const dir of ['config', 'state', 'few', 'empty']) mkdirSync(join(root, dir));
    await seedWorkstations(join(root, 'state'), WORKSTATIONS);
    await seedWorkstations(join(root, 'few'), FEW_WORKSTATIONS);
    const hello = await buildInkHelloWorld(root);

    const appStarts: number[] = [];
    const helloStarts: number[] = [];
    for (let run = 0; run < STARTS; run++) {
      const anchor = spawnInTerminal(`node ${hello}`, env('empty'));
      helloStarts.push(await anchor.waitForText('Hello, world'));
      await anchor.quit('\u0003');
      // Run as the installed command runs: through the bundle's shebang and its node flags.
      const app = spawnInTerminal(`${BUNDLE} --demo`, env('empty'));
      appStarts.push(await app.waitForFirstFrame());
      await app.quit();
    }
    const firstFrame = median(appStarts);
    const helloFrame = median(helloStarts);
    const scroll = await steadyScroll(env('state'));
    const typing = await typingWithRefresh(env('state'), WORKSTATIONS);
    const few = await typingWithRefresh(env('few'), FEW_WORKSTATIONS);
    return [
      { name: 'tui: Ink hello world, first frame (anchor, median of 5)', value: helloFrame, unit: 'ms' },
      { name: 'tui: first frame, empty demo (median of 5)', value: firstFrame, unit: 'ms' },
      {
        name: 'tui: first frame / Ink hello world',
        value: firstFrame / helloFrame,
        unit: 'x',
        anchor: 'Ink hello world',
        goal: '<= 1.1x',
      },
      {
        name: `tui: bytes per move, steady scroll (${SCROLL_MOVES} moves)`,
        value: scroll.bytesPerMove,
        unit: 'bytes',
        goal: '<= 600 bytes',
      },
      { name: 'tui: app CPU per scroll move', value: scroll.cpuPerMoveMs, unit: 'ms' },
      { name: 'tui: key to frame end, refresh 5 s (p50)', value: typing.p50, unit: 'ms' },
      { name: 'tui: key to frame end, refresh 5 s (p95)', value: typing.p95, unit: 'ms' },
      { name: 'tui: key to frame end, refresh 5 s (p99)', value: typing.p99, unit: 'ms', goal: '<= 16 ms' },
      { name: 'tui: key to frame end, refresh 5 s (max)', value: typing.max, unit: 'ms', goal: '<= 33 ms' },
      { name: `tui: keys typed at 20/s over ${TYPING_MS / 1000} s`, value: typing.keys, unit: 'keys' },
      {
        name: `tui: machine load average (1 min) after the typing, ${availableParallelism()} cores`,
        value: typing.load,
        unit: 'load',
      },
      {
        name: 'tui: VmHWM after the scroll and typing, refresh on',
        value: typing.peakMb,
        unit: 'MB',
        goal: '<= 120 MB',
      },
      // The same keys drawing the same frames over a short list: the goal above is read against it.
      {
        name: `tui: VmHWM after the same typing at ${FEW_WORKSTATIONS} workstations (anchor)`,
        value: few.peakMb,
        unit: 'MB',
      },
      {
        name: `tui: VmHWM added by the other ${(WORKSTATIONS - FEW_WORKSTATIONS).toLocaleString('en-US')} workstations`,
        value: typing.peakMb - few.peakMb,
        unit: 'MB',
      },
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function seedWorkstations(stateDir: string, count: number): Promise<void> {
  const account = createDemoAccount({ stateDir, env: { CWS_DEMO_SPEED: '0' } });
  const requests: RunInstanceRequest[] = Array.from({ length: count }, (_, n) => ({
    region: DEMO_REGIONS[n % DEMO_REGIONS.length] ?? 'us-east-1',
    name: `ws-${n}`,
    image_id: 'ami-0123456789abcdef0',
    instance_type: TYPES[n % TYPES.length] ?? 't3.medium',
    user_data_base64: '',
    client_token: `bench-tui-${n}`,
    tags: { 'cws:managed': 'true', 'cws:template': 'python-ml', 'cws:research-user': `user${n % 50}` },
    root_volume_gb: 30,
    root_volume_type: 'gp3',
    spot: false,
    hibernation: false,
  }));
  await account.compute.seed(requests);
}

/** Moves the cursor to the last visible row, then 500 more moves down, each drawn on its own. */
async function steadyScroll(env: NodeJS.ProcessEnv) {
  const app = spawnInTerminal(`${BUNDLE} --demo --refresh 3600`, env);
  await app.waitForText(loaded(WORKSTATIONS), 60_000);
  for (let move = 0; move < 40; move++) await app.press('j');
  const bytesBefore = app.bytes();
  const cpuBefore = app.cpuMs();
  for (let move = 0; move < SCROLL_MOVES; move++) await app.press('j');
  const result = {
    bytesPerMove: (app.bytes() - bytesBefore) / SCROLL_MOVES,
    cpuPerMoveMs: (app.cpuMs() - cpuBefore) / SCROLL_MOVES,
  };
  await app.quit();
  return result;
}

/**
 * Keys at a steady 20 a second (down, then back up, so the table scrolls both ways) with the
 * default refresh, each timed to the end of the next complete frame. A key is sent on schedule
 * even while the previous one waits, as a person's typing would be.
 */
async function typingWithRefresh(env: NodeJS.ProcessEnv, count: number) {
  const app = spawnInTerminal(`${BUNDLE} --demo`, env);
  await app.waitForText(loaded(count), 60_000);
  await sleep(1000);
  const latencies: Promise<number>[] = [];
  const started = performance.now();
  for (let key = 0; performance.now() - started < TYPING_MS; key++) {
    latencies.push(app.press(Math.floor(key / 200) % 2 === 0 ? 'j' : 'k', 10_000));
    const nextAt = started + (key + 1) * KEY_INTERVAL_MS;
    await sleep(Math.max(0, nextAt - performance.now()));
  }
  const times = await Promise.all(latencies);
  const peakMb = app.peakMemoryMb();
  // Key latency on a shared machine says as much about the machine as about the app.
  const load = loadavg()[0] ?? Number.NaN;
  await app.quit();
  return {
    p50: median(times),
    p95: percentile(times, 0.95),
    p99: percentile(times, 0.99),
    max: Math.max(...times),
    keys: times.length,
    peakMb,
    load,
  };
}
