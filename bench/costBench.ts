import { performance } from 'node:perf_hooks';
import { listInstanceTypes } from '../source/core/catalog/instanceTypes.js';
import type { CostResource } from '../source/core/cost/CostResource.js';
import { buildCostReport } from '../source/core/cost/costReport.js';
import { costReportJson } from '../source/core/cost/costReportJson.js';
import { snapshotPriceCatalog } from '../source/core/cost/priceTable.js';
import type { StateTransition } from '../source/core/ports.js';
import type { BenchFigure } from './BenchFigure.js';

const RESOURCES = 10_000;
const MONTH_START = Date.UTC(2026, 10, 1);
const NOW = new Date(Date.UTC(2026, 10, 30, 18));
const HOUR_MS = 3_600_000;

/** A month of history: started each working morning, stopped or hibernated each evening. */
function monthHistory(seed: number): StateTransition[] {
  const history: StateTransition[] = [];
  for (let day = 0; day < 30; day += 1) {
    const morning = MONTH_START + day * 24 * HOUR_MS + (8 + (seed % 3)) * HOUR_MS;
    history.push({ at: new Date(morning).toISOString(), state: 'running' });
    history.push({
      at: new Date(morning + 9 * HOUR_MS).toISOString(),
      state: day % 2 ? 'hibernated' : 'stopped',
    });
  }
  return history;
}

function resources(): CostResource[] {
  const types = listInstanceTypes().filter((info) => !info.name.startsWith('ml.'));
  return Array.from(
    { length: RESOURCES },
    (_, index): CostResource => ({
      kind: 'instance',
      id: `i-${index.toString(16).padStart(17, '0')}`,
      name: `ws-${index}`,
      region: 'us-east-1',
      instance_type: types[index % types.length]!.name,
      root_volume_gb: 50,
      root_volume_type: 'gp3',
      transitions: monthHistory(index),
    }),
  );
}

/** Time to build the cost report (and its JSON) of 10,000 workstations with month-long histories. */
export async function runCostBench(): Promise<BenchFigure[]> {
  const input = resources();
  const build = () =>
    costReportJson(
      buildCostReport({
        resources: input,
        now: NOW,
        catalog: snapshotPriceCatalog,
        timeZone: 'Europe/Berlin',
      }),
    );
  build();
  const runs = 5;
  const started = performance.now();
  for (let run = 0; run < runs; run += 1) build();
  const perReport = (performance.now() - started) / runs;
  return [
    { name: 'cost report, 10,000 workstations x 60 transitions', value: Math.round(perReport), unit: 'ms' },
    {
      name: 'cost report throughput',
      value: Math.round((RESOURCES / perReport) * 1000),
      unit: 'resources/s',
    },
  ];
}
