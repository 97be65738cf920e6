import { parseArgs } from 'node:util';
import { runAthenaBench } from './athenaBench.js';
import { type BenchFigure, meetsGoal } from './BenchFigure.js';
import { runCloudBench } from './cloudBench.js';
import { runCostBench } from './costBench.js';
import { runListingBench } from './listingBench.js';
import { runProvisioningBench } from './provisioningBench.js';
import { runStartBench } from './startBench.js';
import { runTemplatesBench } from './templatesBench.js';
import { runTuiBench } from './tuiBench.js';

/**
 * `npm run bench [-- --runs N] [--only SUITE] [--json] [--check]`: every figure the issues ask for,
 * measured `--runs` times (min, median and max), ratios against anchors measured in the same run.
 * `--check` exits 1 when a median misses its goal.
 */
const suites: Array<[string, () => Promise<BenchFigure[]>]> = [
  ['templates', runTemplatesBench],
  ['provisioning', runProvisioningBench],
  ['cloud', runCloudBench],
  ['cost', runCostBench],
  ['listing', runListingBench],
  ['start', runStartBench],
  ['tui', runTuiBench],
  ['athena', runAthenaBench],
];

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    only: { type: 'string', multiple: true },
    json: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
  },
});
const runs = Number(options.runs);
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write(`--runs must be a whole number of at least 1, not ${options.runs}\n`);
  process.exit(2);
}
const chosen = suites.filter(([name]) => !options.only || options.only.includes(name));
if (chosen.length === 0) {
  process.stderr.write(`--only names none of: ${suites.map(([name]) => name).join(', ')}\n`);
  process.exit(2);
}

interface Result extends Omit<BenchFigure, 'value'> {
  suite: string;
  min: number;
  median: number;
  max: number;
  runs: number[];
  met: boolean;
}

function format(value: number, unit: string): string {
  const digits =
    unit === 'x'
      ? 2
      : unit === 'ms'
        ? value < 10
          ? 2
          : 1
        : ['bytes', 'requests', 'keys', 'instances'].includes(unit)
          ? 0
          : 1;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

const results: Result[] = [];
const failures: string[] = [];
for (const [suite, run] of chosen) {
  const byName = new Map<string, { figure: BenchFigure; values: number[] }>();
  for (let round = 0; round < runs; round++) {
    if (!options.json) process.stderr.write(`${suite}: run ${round + 1} of ${runs}\n`);
    try {
      for (const figure of await run()) {
        const entry = byName.get(figure.name) ?? { figure, values: [] };
        entry.values.push(figure.value);
        byName.set(figure.name, entry);
      }
    } catch (error) {
      failures.push(`${suite}: ${error instanceof Error ? error.message : String(error)}`);
      break;
    }
  }
  for (const { figure, values } of byName.values()) {
    const sorted = [...values].sort((a, b) => a - b);
    const median = sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
    const { value: _value, ...rest } = figure;
    results.push({
      ...rest,
      suite,
      min: sorted[0] ?? Number.NaN,
      median,
      max: sorted.at(-1) ?? Number.NaN,
      runs: values,
      met: figure.computed ? true : meetsGoal(median, figure.goal),
    });
  }
}

if (options.json) {
  process.stdout.write(`${JSON.stringify({ runs, results, failures }, null, 2)}\n`);
} else {
  let suite = '';
  process.stdout.write(
    `${''.padEnd(58)} ${'min'.padStart(10)} ${'median'.padStart(10)} ${'max'.padStart(10)}\n`,
  );
  for (const result of results) {
    if (result.suite !== suite) {
      suite = result.suite;
      process.stdout.write(`\n${suite}\n`);
    }
    const goal = result.goal ? `  goal ${result.goal}${result.met ? '' : '  MISSED'}` : '';
    const kind = result.computed ? '  (computed, not measured)' : '';
    process.stdout.write(
      `  ${result.name.padEnd(56)} ${format(result.min, result.unit).padStart(10)} ${format(result.median, result.unit).padStart(10)} ${format(result.max, result.unit).padStart(10)} ${result.unit}${goal}${kind}\n`,
    );
  }
  for (const failure of failures) process.stdout.write(`failed: ${failure}\n`);
}
const missed = results.filter((result) => !result.met);
if (failures.length > 0) process.exitCode = 1;
if (options.check && missed.length > 0) {
  process.stderr.write(`${missed.length} goal(s) missed: ${missed.map((r) => r.name).join('; ')}\n`);
  process.exitCode = 1;
}
