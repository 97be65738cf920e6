import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { createDemoAccount, DEMO_REGIONS } from '../source/aws/demo/createDemoAccount.js';
import type { RunInstanceRequest } from '../source/core/ports.js';
import type { BenchFigure } from './BenchFigure.js';

const WORKSTATIONS = 10_000;
const TYPES = ['t3.medium', 't3.large', 'm7i.large', 'm7i.xlarge', 'r7i.large', 'g5.xlarge'];
const BUNDLE = resolve(import.meta.dirname, '../dist/cws-tui.js');
const STARTS = 5;
const PRESSES = 40;
const LOADED = `${WORKSTATIONS} workstations`;

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const percentile95 = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.95))] ?? 0;

/**
 * The TUI's figures: start to first frame of the built bundle, keypress to frame and bytes per
 * cursor move with 10,000 workstations on a 120x40 dashboard, and the app's resident memory then.
 */
export async function runTuiBench(): Promise<BenchFigure[]> {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`npm run build\` first.`);
  const root = mkdtempSync(join(tmpdir(), 'cws-bench-tui-'));
  try {
    const env: NodeJS.ProcessEnv = {
      HOME: root,
      CWS_CONFIG_DIR: join(root, 'config'),
      CWS_STATE_DIR: join(root, 'state'),
      CWS_DEMO_SPEED: '0',
      AWS_EC2_METADATA_DISABLED: 'true',
      TERM: 'xterm-256color',
      PATH: process.env.PATH ?? '/usr/bin:/bin',
    };
    mkdirSync(join(root, 'config'));
    mkdirSync(join(root, 'state'));
    await seedWorkstations(join(root, 'state'));
    const startMs = await startToFirstFrame(env);
    const interaction = await measureKeypresses(env);
    const rssMb = await residentMemoryOfBundle(env);
    return [
      {
        name: 'tui: process start to first frame (bundle, median of 5)',
        value: startMs,
        unit: 'ms',
        goal: '< 200 ms',
      },
      {
        name: 'tui: keypress to frame, 10,000 workstations (median)',
        value: interaction.medianMs,
        unit: 'ms',
        goal: '< 16 ms',
      },
      { name: 'tui: keypress to frame, 10,000 workstations (p95)', value: interaction.p95Ms, unit: 'ms' },
      { name: 'tui: app CPU time per keypress, 10,000 workstations', value: interaction.cpuMs, unit: 'ms' },
      {
        name: 'tui: bytes written per cursor move, 120x40',
        value: interaction.bytesPerMove,
        unit: 'bytes',
        goal: '< 2048 bytes',
      },
      {
        name: 'tui: resident memory, 10,000 workstations (bundle)',
        value: rssMb,
        unit: 'MB',
        goal: '< 150 MB',
      },
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function seedWorkstations(stateDir: string): Promise<void> {
  const account = createDemoAccount({ stateDir, env: { CWS_DEMO_SPEED: '0' } });
  const requests: RunInstanceRequest[] = Array.from({ length: WORKSTATIONS }, (_, n) => ({
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

/** The bundle in a pseudo-terminal (`script`), from spawn to its first bytes of the header. */
async function startToFirstFrame(env: NodeJS.ProcessEnv): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < STARTS; run++) {
    const app = spawnInTerminal(env);
    times.push(await app.waitForOutput('cws-tui'));
    await app.quit();
  }
  return median(times);
}

/** VmRSS of the bundle's node process once the dashboard shows all 10,000 workstations. */
async function residentMemoryOfBundle(env: NodeJS.ProcessEnv): Promise<number> {
  const app = spawnInTerminal(env);
  await app.waitForOutput(LOADED, 30_000);
  await sleep(500);
  const status = readFileSync(`/proc/${app.appPid()}/status`, 'utf8');
  await app.quit();
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return Math.round(kb / 1024);
}

function spawnInTerminal(env: NodeJS.ProcessEnv) {
  const started = performance.now();
  // `exec` makes node the direct child of script, so its memory can be read from /proc.
  const child = spawn(
    'script',
    [
      '-qfc',
      // Run as the installed command runs: through the bundle's shebang and its node flags.
      `stty cols 120 rows 40; exec "${BUNDLE}" --demo --refresh 3600`,
      '/dev/null',
    ],
    { env: { ...env }, stdio: ['pipe', 'pipe', 'ignore'] },
  );
  let output = '';
  let bytes = 0;
  const arrivals = new EventEmitter();
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    output = (output + chunk).slice(-200_000);
    bytes += Buffer.byteLength(chunk);
    arrivals.emit('data');
  });
  const appPid = (): number => {
    const children = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim();
    return Number(children.split(/\s+/)[0]);
  };
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  return {
    waitForOutput(text: string, timeoutMs = 10_000): Promise<number> {
      return new Promise((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`the app never showed "${text}"`)), timeoutMs);
        const check = () => {
          if (!output.includes(text)) return;
          clearTimeout(timer);
          arrivals.off('data', check);
          done(performance.now() - started);
        };
        arrivals.on('data', check);
        check();
      });
    },
    appPid,
    bytesSoFar: () => bytes,
    /** Types a key; resolves with the ms until the terminal receives output. */
    press(key: string): Promise<number> {
      return new Promise((done) => {
        const pressedAt = performance.now();
        arrivals.once('data', () => done(performance.now() - pressedAt));
        child.stdin.write(key);
      });
    },
    /** User plus system CPU time of the app so far (from /proc, in 10 ms ticks). */
    cpuMs(): number {
      const fields = readFileSync(`/proc/${appPid()}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      return (Number(fields[11]) + Number(fields[12])) * 10;
    },
    async quit(): Promise<void> {
      child.stdin.write('q');
      const timeout = sleep(5000).then(() => child.kill('SIGTERM'));
      await Promise.race([exited, timeout]);
    },
  };
}

/**
 * Presses j on the bundle's 120x40 dashboard of 10,000 rows: time until the frame arrives on the
 * terminal, the bytes of that frame, and the app's CPU time per press (which the machine's load
 * does not inflate, unlike the wall-clock figures).
 */
async function measureKeypresses(env: NodeJS.ProcessEnv) {
  const app = spawnInTerminal(env);
  await app.waitForOutput(LOADED, 30_000);
  await sleep(500);
  const latencies: number[] = [];
  let bytes = 0;
  const cpuBefore = app.cpuMs();
  for (let press = 0; press < PRESSES; press++) {
    const before = app.bytesSoFar();
    latencies.push(await app.press('j'));
    // Slower than the frame-rate cap, so that every press is drawn on its own.
    await sleep(60);
    bytes += app.bytesSoFar() - before;
  }
  const cpuPerPress = (app.cpuMs() - cpuBefore) / PRESSES;
  await app.quit();
  return {
    medianMs: round(median(latencies)),
    p95Ms: round(percentile95(latencies)),
    cpuMs: round(cpuPerPress),
    bytesPerMove: Math.round(bytes / PRESSES),
  };
}

const round = (value: number) => Math.round(value * 10) / 10;
