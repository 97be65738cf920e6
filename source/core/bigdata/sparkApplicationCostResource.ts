import type { MeteredCostResource } from '../cost/CostResource.js';
import type { StateTransition } from '../ports.js';
import { capacityUsdPerHour, initialCapacityOf, serverlessRates } from './emrPricing.js';
import { describeJobRunCharge, jobRunCost } from './jobRunCost.js';
import type { JobRun, SparkApplication } from './ports.js';

/** What the history of an application is, as far as EMR tells it: created, then its current state. */
function transitionsOf(application: SparkApplication): StateTransition[] {
  const transitions: StateTransition[] = [{ at: application.created_at, state: 'stopped' }];
  if (application.state === 'STARTED' || application.state === 'STARTING')
    transitions.push({ at: application.updated_at, state: 'running' });
  if (application.state === 'TERMINATED')
    transitions.push({ at: application.updated_at, state: 'terminated' });
  return transitions;
}

/**
 * An EMR Serverless application in the cost report: its pre-initialised workers at the hourly rate
 * while it is started, and each ended run as a charge for the vCPU, memory and storage hours it
 * was billed (the service's own figures, priced from the snapshot); undefined without a price.
 */
export function sparkApplicationCostResource(
  application: SparkApplication,
  runs: readonly JobRun[],
): MeteredCostResource | undefined {
  const rates = serverlessRates(application.region, application.architecture);
  if (!rates) return undefined;
  const charges = runs.flatMap((run) => {
    const usd = jobRunCost(run, rates);
    return usd === undefined ? [] : [{ at: run.updated_at, usd, what: describeJobRunCharge(run) }];
  });
  const warm = initialCapacityOf(application.initial_capacity);
  return {
    kind: 'metered',
    service: 'EMR Serverless',
    id: application.id,
    name: application.name,
    region: application.region,
    usd_per_hour: capacityUsdPerHour(warm, rates),
    price_source: 'snapshot',
    transitions: transitionsOf(application),
    charges,
    notes: [
      `EMR Serverless prices of ${rates.as_of}: $${rates.vcpu_hour}/vCPU-h, $${rates.memory_gb_hour}/GB-h`,
      ...(warm.vcpu > 0 ? [`${warm.vcpu} vCPU, ${warm.memory_gb} GB kept warm while started`] : []),
    ],
  };
}
