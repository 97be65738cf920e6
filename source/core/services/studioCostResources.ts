import type { InstanceCostResource } from '../cost/CostResource.js';
import { type StudioApp, type StudioPort, type StudioSpace, TAG } from '../ports.js';
import { CANVAS_INSTANCE_TYPE } from './canvasPricing.js';
import { STUDIO_DOMAIN_NAME } from './sageMakerNames.js';

/** SageMaker's size for a space's own EBS volume when none is set (at least 5 GB). */
const DEFAULT_SPACE_EBS_GB = 5;

export interface StudioCostResources {
  resources: InstanceCostResource[];
  /** What makes billed spend miss SageMaker costs (custom tag propagation off). */
  warnings: string[];
}

function isBilledApp(app: StudioApp): boolean {
  return (
    app.status === 'Pending' ||
    app.status === 'InService' ||
    app.status === 'Updating' ||
    app.status === 'Deleting'
  );
}

/**
 * A private space as an instance whose root volume is the space's own EBS volume: SageMaker bills
 * that volume from the space's creation until it is deleted, app running or not (it is kept while
 * the app is stopped); its app's compute is billed while the app runs. SageMaker reports only
 * creation times and current statuses, so the running app is taken to have run since it was created.
 */
function spaceResource(space: StudioSpace, app: StudioApp | undefined, region: string): InstanceCostResource {
  return {
    kind: 'instance',
    id: `${space.domain_id}/space/${space.name}`,
    name: space.tags[TAG.name] ?? space.name,
    region,
    instance_type: app?.instance_type || space.instance_type,
    root_volume_gb: space.ebs_volume_gb ?? DEFAULT_SPACE_EBS_GB,
    root_volume_type: 'gp3',
    transitions: [
      { at: space.created_at, state: 'stopped' },
      ...(app ? [{ at: app.created_at, state: 'running' as const }] : []),
    ],
    history_note: `SageMaker ${space.app_type} space: its ${space.ebs_volume_gb ?? DEFAULT_SPACE_EBS_GB} GB volume counted since it was created (priced as gp3), its app since it was started`,
  };
}

function appResource(app: StudioApp, region: string): InstanceCostResource {
  const owner = 'space' in app.owner ? `space/${app.owner.space}` : `canvas/${app.owner.profile}`;
  return {
    kind: 'instance',
    id: `${app.domain_id}/${owner}/${app.type}`,
    name: app.tags[TAG.name] ?? ('space' in app.owner ? app.owner.space : `Canvas (${app.owner.profile})`),
    region,
    instance_type: app.type === 'Canvas' ? CANVAS_INSTANCE_TYPE : app.instance_type,
    root_volume_gb: 0,
    root_volume_type: 'gp3',
    transitions: [{ at: app.created_at, state: 'running' }],
    history_note: `SageMaker ${app.type} app: taken to have run since it was created`,
  };
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
            ...liveSpaces.map((space) =>
              spaceResource(
                space,
                billedApps.find((app) => 'space' in app.owner && app.owner.space === space.name),
                region,
              ),
            ),
            // Canvas apps, and an app whose space is already gone but which is still being deleted.
            ...billedApps
              .filter((app) => !('space' in app.owner && spaceNames.has(app.owner.space)))
              .map((app) => appResource(app, region)),
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
