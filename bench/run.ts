import type { BenchFigure } from './BenchFigure.js';
import { runCloudBench } from './cloudBench.js';
import { runCostBench } from './costBench.js';
import { runProvisioningBench } from './provisioningBench.js';
import { runTemplatesBench } from './templatesBench.js';
import { runTuiBench } from './tuiBench.js';

/** `npm run bench`: every figure the issues ask for, with its goal, in one table. */
const suites: Array<[string, () => Promise<BenchFigure[]>]> = [
  ['templates', runTemplatesBench],
  ['provisioning', runProvisioningBench],
  ['cloud (demo account)', runCloudBench],
  ['cost', runCostBench],
  ['tui', runTuiBench],
];

function format(value: number, unit: string): string {
  const digits = unit === 'ms' ? (value < 10 ? 2 : 1) : unit === 'bytes' || unit === 'requests' ? 0 : 2;
  return `${value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${unit}`;
}

let failed = false;
for (const [name, run] of suites) {
  process.stdout.write(`\n${name}\n`);
  try {
    for (const figure of await run()) {
      const goal = figure.goal ? `  (goal ${figure.goal})` : '';
      process.stdout.write(
        `  ${figure.name.padEnd(62)} ${format(figure.value, figure.unit).padStart(14)}${goal}\n`,
      );
    }
  } catch (error) {
    failed = true;
    process.stdout.write(`  failed: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}
process.exitCode = failed ? 1 : 0;
