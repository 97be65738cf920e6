import { type CloudAccount, TAG } from '../ports.js';
import { studioCostResources } from '../services/studioCostResources.js';
import { TimeSlicer } from '../slicing/TimeSlicer.js';
import type { ContributedCosts, CostContributor } from './CostContributor.js';
import { type CostResource, costResourceFromFileSystem } from './CostResource.js';
import { COST_CONTRIBUTORS } from './costContributors.js';
import type { SpotPriceSource } from './SpotPriceSource.js';
import { sharedInstanceCostResource } from './sharedInstanceCostResource.js';
import { spotQuoteKey, spotQuotesFor } from './spotQuotesFor.js';

export interface ListedCostResources {
  resources: CostResource[];
  /** What could not be counted, e.g. SageMaker when its permissions are missing. */
  warnings: string[];
}

/**
 * The app's resources that cost money, from the account's ports: every managed instance (terminated
 * ones too, while AWS still lists them, so that their spend this month counts), every managed EFS
 * file system, SageMaker spaces (their EBS volume, and their app while it runs) and Canvas apps as
 * ml.* instance hours; then every capability's `COST_CONTRIBUTORS`. SageMaker or a contributor
 * failing (often missing permissions) leaves EC2 and EFS counted and says so.
 */
export async function listCostResources(
  account: CloudAccount,
  regions: readonly string[],
  spotPrices?: SpotPriceSource,
  {
    slicer = new TimeSlicer(),
    contributors = COST_CONTRIBUTORS,
  }: { slicer?: TimeSlicer; contributors?: readonly CostContributor[] } = {},
): Promise<ListedCostResources> {
  const warnings: string[] = [];
  const [instances, fileSystems, studioApps, contributed] = await Promise.all([
    account.compute.listInstances({ regions: [...regions] }),
    account.storage.listFileSystems([...regions]),
    studioCostResources(account.studio, regions).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      warnings.push(`SageMaker apps are not counted: ${reason}`);
      return { resources: [], warnings: [] };
    }),
    Promise.all(contributors.map((contributor) => contributedCosts(contributor, account, regions))),
  ]);
  // A spot instance accrues at its spot price, as its launch was estimated.
  const spot = await spotQuotesFor(instances.items, spotPrices);
  // In slices: 10,000 instances at once would hold back the keys typed meanwhile.
  const fromInstances: CostResource[] = [];
  await slicer.forEach(instances.items, (instance) =>
    fromInstances.push(sharedInstanceCostResource(instance, spot.get(spotQuoteKey(instance)))),
  );
  return {
    resources: [
      ...fromInstances,
      ...studioApps.resources,
      ...fileSystems
        .filter((fileSystem) => fileSystem.tags[TAG.managed] === 'true' && fileSystem.state !== 'deleted')
        .map(costResourceFromFileSystem),
      ...contributed.flatMap((costs) => costs.resources),
    ],
    warnings: [...warnings, ...studioApps.warnings, ...contributed.flatMap((costs) => costs.warnings)],
  };
}

async function contributedCosts(
  contributor: CostContributor,
  account: CloudAccount,
  regions: readonly string[],
): Promise<ContributedCosts> {
  try {
    return await contributor.list(account, regions);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { resources: [], warnings: [`${contributor.service} is not counted: ${reason}`] };
  }
}
