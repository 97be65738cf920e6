import { CloudError } from '../CloudError.js';
import type { MeteredCostResource } from '../cost/CostResource.js';
import type { CloudAccount } from '../ports.js';
import type { DevEnvironmentUsage } from './codeCatalystPorts.js';
import { devEnvironmentUsdPerHour } from './devEnvironmentPricing.js';

export interface DevEnvironmentCosts {
  resources: MeteredCostResource[];
  warnings: string[];
}

function costResource(usage: DevEnvironmentUsage, usdPerHour: number): MeteredCostResource {
  const env = usage.environment;
  const notes = [`CodeCatalyst dev environment compute (${env.instance_type}) priced per minute of running`];
  if (usage.partial_history)
    notes.push(
      'history before its last update is not available from the CodeCatalyst API: counted from then only',
    );
  return {
    kind: 'metered',
    service: 'CodeCatalyst',
    id: `codecatalyst:${env.space}/${env.project}/${env.id}`,
    name: env.alias ?? env.id,
    region: 'us-west-2',
    usd_per_hour: usdPerHour,
    price_source: 'snapshot',
    transitions: usage.transitions,
    notes,
  };
}

/**
 * CodeCatalyst dev environments' compute as metered lines. Without a Builder ID sign-in there is
 * nothing to count (most users have no CodeCatalyst), so that is no warning; any other failure is.
 */
export async function devEnvironmentCostResources(account: CloudAccount): Promise<DevEnvironmentCosts> {
  let usages: DevEnvironmentUsage[];
  try {
    usages = await account.analytics.codecatalyst.listDevEnvironmentUsage();
  } catch (thrown) {
    if (thrown instanceof CloudError && thrown.kind === 'no-credentials')
      return { resources: [], warnings: [] };
    const why = thrown instanceof Error ? thrown.message : String(thrown);
    return { resources: [], warnings: [`CodeCatalyst dev environments not counted: ${why}`] };
  }
  const resources: MeteredCostResource[] = [];
  const warnings: string[] = [];
  for (const usage of usages) {
    if (usage.transitions.length === 0) continue;
    const usdPerHour = devEnvironmentUsdPerHour(usage.environment.instance_type);
    if (usdPerHour === undefined) {
      warnings.push(
        `CodeCatalyst: no price for instance size ${usage.environment.instance_type} of ${usage.environment.alias ?? usage.environment.id}`,
      );
      continue;
    }
    resources.push(costResource(usage, usdPerHour));
  }
  return { resources, warnings };
}
