import { type ServerlessRates, utilizationUsd } from './emrPricing.js';
import type { JobRun } from './ports.js';

/** A run's cost from what it was billed for; undefined until the run has ended and reported it. */
export function jobRunCost(run: JobRun, rates: ServerlessRates | undefined): number | undefined {
  if (!run.billed || !rates) return undefined;
  return utilizationUsd(run.billed, rates);
}

/** How the report names a run's charge: "run etl-2026… (1.2 vCPU-h, 4.8 GB-h, 0.0 storage GB-h)". */
export function describeJobRunCharge(run: JobRun): string {
  const billed = run.billed;
  const use = billed
    ? ` (${billed.vcpu_hours.toFixed(3)} vCPU-h, ${billed.memory_gb_hours.toFixed(3)} GB-h, ${billed.storage_gb_hours.toFixed(3)} storage GB-h)`
    : '';
  return `run ${run.name || run.id} ${run.state.toLowerCase()}${use}`;
}
