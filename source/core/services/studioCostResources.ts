import type { InstanceCostResource } from '../cost/CostResource.js';
import { type StudioPort, TAG } from '../ports.js';
import { CANVAS_INSTANCE_TYPE } from './canvasPricing.js';
import { STUDIO_DOMAIN_NAME } from './sageMakerNames.js';

/**
 * The billed part of SageMaker Studio and Canvas for the cost panel, next to EC2: every app that is
 * starting, running or being deleted, as an instance of its `ml.*` type with no root volume (the
 * space's storage is the domain's EFS, counted with file systems). SageMaker reports an app's
 * creation time and current status only, so each is taken to have run since it was created; apps
 * already deleted are not listed (Cost Explorer's billed spend covers them).
 */
export async function studioCostResources(
  studio: StudioPort,
  regions: readonly string[],
): Promise<InstanceCostResource[]> {
  const perRegion = await Promise.all(
    regions.map(async (region) => {
      const domains = (await studio.listDomains(region)).filter(
        (domain) =>
          domain.name === STUDIO_DOMAIN_NAME &&
          (domain.status === 'InService' || domain.status === 'Updating'),
      );
      const apps = (await Promise.all(domains.map((domain) => studio.listApps(region, domain.id)))).flat();
      return apps
        .filter(
          (app) =>
            app.status === 'Pending' ||
            app.status === 'InService' ||
            app.status === 'Updating' ||
            app.status === 'Deleting',
        )
        .map((app): InstanceCostResource => {
          const owner = 'space' in app.owner ? `space/${app.owner.space}` : `canvas/${app.owner.profile}`;
          return {
            kind: 'instance',
            id: `${app.domain_id}/${owner}/${app.type}`,
            name:
              app.tags[TAG.name] ??
              ('space' in app.owner ? app.owner.space : `Canvas (${app.owner.profile})`),
            region,
            instance_type: app.type === 'Canvas' ? CANVAS_INSTANCE_TYPE : app.instance_type,
            root_volume_gb: 0,
            root_volume_type: 'gp3',
            transitions: [{ at: app.created_at, state: 'running' }],
            history_note: `SageMaker ${app.type} app: taken to have run since it was created`,
          };
        });
    }),
  );
  return perRegion.flat();
}
