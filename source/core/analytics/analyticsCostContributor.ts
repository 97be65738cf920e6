import type { MeteredCharge, MeteredCostResource } from '../cost/CostResource.js';
import type { CloudAccount } from '../ports.js';
import { formatBytes } from '../text/formatBytes.js';
import { athenaQueryCost } from './athenaQueryCost.js';
import { dataBrewCostResources } from './dataBrewCostResources.js';
import { devEnvironmentCostResources } from './devEnvironmentCostResources.js';
import { glueCrawlCostResources } from './glueCrawlCostResources.js';
import { quickSightCostResources } from './quickSightCostResources.js';

/** Queries read per workgroup: Athena keeps 45 days of history, the report needs this month's. */
const HISTORY_LIMIT = 1000;

/** One workgroup's query charges, as a metered line with no hourly rate. */
async function workgroupCosts(
  account: CloudAccount,
  region: string,
  workgroup: string,
): Promise<MeteredCostResource | undefined> {
  const queries = await account.analytics.athena.listQueries(region, workgroup, HISTORY_LIMIT);
  const charges: MeteredCharge[] = [];
  for (const query of queries) {
    // Failed queries are free; running ones are charged once they finish.
    if (query.state === 'FAILED' || query.state === 'QUEUED' || query.state === 'RUNNING') continue;
    const usd = athenaQueryCost(query.bytes_scanned);
    if (usd === 0) continue;
    charges.push({
      at: query.completed_at ?? query.submitted_at ?? new Date(0).toISOString(),
      usd,
      what: `query ${query.id.slice(0, 8)}… (${formatBytes(query.bytes_scanned)} scanned${query.state === 'CANCELLED' ? ', cancelled' : ''})`,
    });
  }
  if (charges.length === 0) return undefined;
  charges.sort((a, b) => a.at.localeCompare(b.at));
  const resource: MeteredCostResource = {
    kind: 'metered',
    service: 'Athena',
    id: `athena:${region}:${workgroup}`,
    name: workgroup,
    region,
    usd_per_hour: 0,
    price_source: 'snapshot',
    transitions: [{ at: charges[0]?.at ?? new Date(0).toISOString(), state: 'running' }],
    charges,
    notes: ['Athena priced at $5 per TB scanned, 10 MB minimum per query'],
  };
  if (queries.length >= HISTORY_LIMIT)
    resource.notes?.push(`Athena: only the last ${HISTORY_LIMIT} queries of ${workgroup} are counted`);
  return resource;
}

/** The analytics services' part of the unified cost report: Athena per workgroup, DataBrew per job, QuickSight's users, CodeCatalyst dev environments. */
// Typed by its shape (a CostContributor) so that the contributor list's module is not imported back.
export const analyticsCostContributor = {
  service: 'Athena',
  async list(
    account: CloudAccount,
    regions: readonly string[],
  ): Promise<{ resources: MeteredCostResource[]; warnings: string[] }> {
    const resources: MeteredCostResource[] = [];
    const warnings: string[] = [];
    for (const region of regions) {
      const workgroups = await account.analytics.athena.listWorkgroups(region);
      for (const workgroup of workgroups) {
        const resource = await workgroupCosts(account, region, workgroup);
        if (resource) resources.push(resource);
      }
      resources.push(...(await dataBrewCostResources(account, region)));
      resources.push(...(await glueCrawlCostResources(account, region)));
    }
    // QuickSight's users are account-wide, held in its identity region: count them once.
    if (regions[0]) resources.push(...(await quickSightCostResources(account, regions[0])));
    // CodeCatalyst's dev environments are global (its API lives in us-west-2): counted once too.
    const devEnvironments = await devEnvironmentCostResources(account);
    resources.push(...devEnvironments.resources);
    warnings.push(...devEnvironments.warnings);
    return { resources, warnings };
  },
};
