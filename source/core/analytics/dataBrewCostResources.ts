import type { MeteredCharge, MeteredCostResource } from '../cost/CostResource.js';
import type { CloudAccount } from '../ports.js';
import { DATABREW_USD_PER_NODE_HOUR, dataBrewNodeHours, dataBrewRunCost } from './dataBrewCost.js';

/** Each DataBrew job's finished runs as one metered line: a charge per run at its node-hours. */
export async function dataBrewCostResources(
  account: CloudAccount,
  region: string,
): Promise<MeteredCostResource[]> {
  const resources: MeteredCostResource[] = [];
  for (const job of await account.analytics.databrew.listJobs(region)) {
    const charges: MeteredCharge[] = [];
    for (const run of await account.analytics.databrew.listJobRuns(region, job.name)) {
      const usd = dataBrewRunCost(run);
      if (usd === 0) continue;
      charges.push({
        at: run.completed_at ?? run.started_at ?? new Date(0).toISOString(),
        usd,
        what: `run ${run.run_id} (${run.state.toLowerCase()}, ${dataBrewNodeHours(run).toFixed(3)} node-hours)`,
      });
    }
    if (charges.length === 0) continue;
    charges.sort((a, b) => a.at.localeCompare(b.at));
    resources.push({
      kind: 'metered',
      service: 'DataBrew',
      id: `databrew:${region}:${job.name}`,
      name: job.name,
      region,
      usd_per_hour: 0,
      price_source: 'snapshot',
      transitions: [{ at: charges[0]?.at ?? new Date(0).toISOString(), state: 'running' }],
      charges,
      notes: [
        `DataBrew jobs priced at $${DATABREW_USD_PER_NODE_HOUR} per node-hour, billed per minute (1-minute minimum)`,
      ],
    });
  }
  return resources;
}
