import type { InstanceCostResource } from '../cost/CostResource.js';
import type { StudioPort } from '../ports.js';
import { STUDIO_DOMAIN_NAME } from './sageMakerNames.js';
import { appCostResource, billedAppOfSpace, isBilledApp, spaceCostResource } from './studioCostResource.js';

export interface StudioCostResources {
  resources: InstanceCostResource[];
  /** What makes billed spend miss SageMaker costs (custom tag propagation off). */
  warnings: string[];
}

/**
 * The billed part of SageMaker Studio and Canvas for the cost panel, next to EC2: every space (its
 * EBS volume, and its app while that runs) and every Canvas app that is starting, running or being
 * deleted. Apps already deleted are not listed (Cost Explorer's billed spend covers them). A domain
 * whose custom tag propagation is off is reported: SageMaker then does not copy cws:managed to the
 * resources it creates, so billed spend filtered by that tag misses them.
 */
export async function studioCostResources(
  studio: StudioPort,
  regions: readonly string[],
): Promise<StudioCostResources> {
  const perRegion = await Promise.all(
    regions.map(async (region) => {
      const domains = (await studio.listDomains(region)).filter(
        (domain) =>
          domain.name === STUDIO_DOMAIN_NAME &&
          (domain.status === 'InService' || domain.status === 'Updating'),
      );
      const warnings = domains
        .filter((domain) => domain.tag_propagation === false)
        .map(
          (domain) =>
            `SageMaker domain ${domain.id} in ${region} has custom tag propagation off: Cost Explorer cannot attribute its apps' and spaces' costs to cws:managed (launching again switches it on, for what is created afterwards)`,
        );
      const resources = await Promise.all(
        domains.map(async (domain) => {
          const [spaces, apps] = await Promise.all([
            studio.listSpaces(region, domain.id),
            studio.listApps(region, domain.id),
          ]);
          const billedApps = apps.filter(isBilledApp);
          const liveSpaces = spaces.filter((space) => space.status !== 'Deleted');
          const spaceNames = new Set(liveSpaces.map((space) => space.name));
          return [
            ...liveSpaces.map((space) => spaceCostResource(space, billedAppOfSpace(space, apps), region)),
            // Canvas apps, and an app whose space is already gone but which is still being deleted.
            ...billedApps
              .filter((app) => !('space' in app.owner && spaceNames.has(app.owner.space)))
              .map((app) => appCostResource(app, region)),
          ];
        }),
      );
      return { resources: resources.flat(), warnings };
    }),
  );
  return {
    resources: perRegion.flatMap((region) => region.resources),
    warnings: perRegion.flatMap((region) => region.warnings),
  };
}
