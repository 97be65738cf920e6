import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BenchFigure } from './BenchFigure.js';

// CWS_BENCH_BUNDLE measures another build (an older commit's, say) with the same bench.
const BUNDLE = resolve(process.env.CWS_BENCH_BUNDLE ?? resolve(import.meta.dirname, '../dist/cws-tui.js'));
const RUNS = 7;

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * Cold starts of the installed command (the bundle through its shebang), each run interleaved with
 * `node -e 0` so both see the same machine load: the ratios are what the goals are about.
 */
export async function runStartBench(): Promise<BenchFigure[]> {
  const root = mkdtempSync(join(tmpdir(), 'cws-bench-start-'));
  try {
    for (const dir of ['config', 'state']) mkdirSync(join(root, dir));
    const env = {
      HOME: root,
      CWS_CONFIG_DIR: join(root, 'config'),
      CWS_STATE_DIR: join(root, 'state'),
      CWS_DEMO_SPEED: '0',
      AWS_EC2_METADATA_DISABLED: 'true',
      PATH: process.env.PATH ?? '/usr/bin:/bin',
    };
    const time = (command: string, args: string[]) => {
      const started = performance.now();
      const run = spawnSync(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
      if (run.status !== 0)
        throw new Error(`${command} ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
      return performance.now() - started;
    };
    const commands: Array<[string, string[]]> = [
      ['--version', ['--version']],
      ['templates list --json', ['templates', 'list', '--json']],
      ['list --json (empty demo)', ['--demo', 'list', '--json']],
    ];
    const node: number[] = [];
    const times = commands.map(() => [] as number[]);
    time(BUNDLE, ['--version']);
    for (let run = 0; run < RUNS; run++) {
      node.push(time('node', ['-e', '0']));
      for (const [index, [, args]] of commands.entries()) times[index]?.push(time(BUNDLE, args));
    }
    const nodeMs = median(node);
    const [versionMs = 0, templatesMs = 0, listMs = 0] = times.map(median);
    return [
      { name: 'start: node -e 0 (anchor, median of 7)', value: nodeMs, unit: 'ms' },
      { name: 'start: cws-tui --version', value: versionMs, unit: 'ms' },
      { name: 'start: --version / node -e 0', value: versionMs / nodeMs, unit: 'x', anchor: 'node -e 0' },
      { name: 'start: templates list --json', value: templatesMs, unit: 'ms' },
      {
        name: 'start: templates list --json / --version',
        value: templatesMs / versionMs,
        unit: 'x',
        anchor: '--version',
        goal: '<= 2x',
      },
      { name: 'start: list --json on an empty demo', value: listMs, unit: 'ms' },
      {
        name: 'start: list --json / --version',
        value: listMs / versionMs,
        unit: 'x',
        anchor: '--version',
        goal: '<= 2x',
      },
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
