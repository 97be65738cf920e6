import type { DataBrewJobRun } from './dataBrewPorts.js';

/** DataBrew jobs: $0.48 per node-hour, billed per minute with a 1-minute minimum (us-east-1). */
export const DATABREW_USD_PER_NODE_HOUR = 0.48;

/** The node-hours a run is billed for; nothing until DataBrew reports its execution time. */
export function dataBrewNodeHours(run: DataBrewJobRun): number {
  if (run.execution_seconds === undefined) return 0;
  const minutes = Math.max(1, Math.ceil(run.execution_seconds / 60));
  return (run.nodes * minutes) / 60;
}

export function dataBrewRunCost(run: DataBrewJobRun): number {
  return dataBrewNodeHours(run) * DATABREW_USD_PER_NODE_HOUR;
}
