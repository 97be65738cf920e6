import type { InstanceCostResource } from '../cost/CostResource.js';
import { type StudioApp, type StudioSpace, type StudioStatus, TAG } from '../ports.js';
import { CANVAS_INSTANCE_TYPE, CANVAS_SESSION_PRICE } from './canvasPricing.js';
import { currentAppOfSpace } from './studioRows.js';

/** SageMaker's size for a space's own EBS volume when none is set (at least 5 GB). */
const DEFAULT_SPACE_EBS_GB = 5;

/** Statuses of an app SageMaker bills: starting, running, and until its deletion finishes. */
const BILLED_APP = new Set<StudioStatus>(['Pending', 'InService', 'Updating', 'Deleting']);

export function isBilledApp(app: StudioApp): boolean {
  return BILLED_APP.has(app.status);
}

/**
 * The one answer to "what does this space run, and so what does it cost": its current app when
 * SageMaker bills it, else nothing (a stopped space keeps only its volume). The dashboard, `list`
 * and `cost` all price a space from this.
 */
export function billedAppOfSpace(space: StudioSpace, apps: readonly StudioApp[]): StudioApp | undefined {
  const app = currentAppOfSpace(space, apps);
  return app && isBilledApp(app) ? app : undefined;
}

/**
 * A private space as an instance whose root volume is the space's own EBS volume: SageMaker bills
 * that volume from the space's creation until it is deleted, app running or not; its app's compute
 * is billed while the app runs. SageMaker reports only creation times and current statuses, so the
 * running app is taken to have run since it was created.
 */
export function spaceCostResource(
  space: StudioSpace,
  app: StudioApp | undefined,
  region: string,
): InstanceCostResource {
  const volumeGb = space.ebs_volume_gb ?? DEFAULT_SPACE_EBS_GB;
  return {
    kind: 'instance',
    id: `${space.domain_id}/space/${space.name}`,
    name: space.tags[TAG.name] ?? space.name,
    region,
    instance_type: app?.instance_type || space.instance_type,
    root_volume_gb: volumeGb,
    root_volume_type: 'gp3',
    transitions: [
      { at: space.created_at, state: 'stopped' },
      ...(app ? [{ at: app.created_at, state: 'running' as const }] : []),
    ],
    history_note: `SageMaker ${space.app_type} space: its ${volumeGb} GB volume counted since it was created (priced as gp3), its app since it was started`,
  };
}

/** A billed app without its space (Canvas, or a space's app still being deleted after it). */
export function appCostResource(app: StudioApp, region: string): InstanceCostResource {
  const owner = 'space' in app.owner ? `space/${app.owner.space}` : `canvas/${app.owner.profile}`;
  const canvas = app.type === 'Canvas';
  return {
    kind: 'instance',
    id: `${app.domain_id}/${owner}${canvas ? '' : `/${app.type}`}`,
    name: app.tags[TAG.name] ?? ('space' in app.owner ? app.owner.space : `Canvas (${app.owner.profile})`),
    region,
    instance_type: canvas ? CANVAS_INSTANCE_TYPE : app.instance_type,
    // Canvas is billed per session hour, not by an instance type the catalog knows.
    ...(canvas ? { compute_price: CANVAS_SESSION_PRICE } : {}),
    root_volume_gb: 0,
    root_volume_type: 'gp3',
    transitions: [{ at: app.created_at, state: 'running' }],
    history_note: `SageMaker ${app.type} app: taken to have run since it was created`,
  };
}
