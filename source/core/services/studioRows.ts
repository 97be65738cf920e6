import { type StudioApp, type StudioSpace, type StudioStatus, TAG } from '../ports.js';
import type { Workstation } from '../workstations/Workstation.js';
import { CANVAS_INSTANCE_TYPE } from './canvasPricing.js';
import { canvasRowId, studioSpaceRowId } from './sageMakerNames.js';

/** Statuses of an app that is (or is about to be) billed. */
const LIVE_APP = new Set<StudioStatus>(['Pending', 'InService', 'Updating']);

export function isLiveApp(app: StudioApp): boolean {
  return LIVE_APP.has(app.status);
}

/** The app a space runs now: the live one, else the newest (to show why it failed). */
export function currentAppOfSpace(space: StudioSpace, apps: readonly StudioApp[]): StudioApp | undefined {
  const own = apps
    .filter((app) => 'space' in app.owner && app.owner.space === space.name && app.type === space.app_type)
    .sort((a, b) => b.created_at.localeCompare(a.created_at));
  return own.find(isLiveApp) ?? own[0];
}

function rowBase(
  tags: Record<string, string>,
  fallbackName: string,
): Omit<Workstation, 'id' | 'kind' | 'region' | 'state' | 'instance_type' | 'launched_at'> {
  const row: Omit<Workstation, 'id' | 'kind' | 'region' | 'state' | 'instance_type' | 'launched_at'> = {
    name: tags[TAG.name] ?? fallbackName,
    template: tags[TAG.template] ?? '-',
    hibernated: false,
    connect: 'browser',
  };
  if (tags[TAG.researchUser]) row.research_user = tags[TAG.researchUser];
  if (tags[TAG.profile]) row.profile = tags[TAG.profile];
  if (tags[TAG.project]) row.project = tags[TAG.project];
  return row;
}

/**
 * A Studio space as a dashboard row. The space is the workstation (it keeps its storage); its app
 * is what runs: no live app reads as stopped, a deleting space as shutting down.
 */
export function workstationFromSpace(
  space: StudioSpace,
  app: StudioApp | undefined,
  region: string,
): Workstation {
  const row: Workstation = {
    ...rowBase(space.tags, space.name),
    id: studioSpaceRowId(space.domain_id, space.name),
    kind: 'sagemaker-studio',
    region,
    state: spaceState(space, app),
    instance_type: app && isLiveApp(app) ? app.instance_type : space.instance_type,
    launched_at: space.created_at,
  };
  const failure = space.status.endsWith('Failed')
    ? `space ${space.status}`
    : app?.status === 'Failed'
      ? `app failed: ${app.failure_reason ?? 'no reason given'}`
      : undefined;
  if (failure) row.progress = failure;
  else if (app?.status === 'InService') row.progress = 'ready';
  return row;
}

function spaceState(space: StudioSpace, app: StudioApp | undefined): Workstation['state'] {
  if (space.status === 'Deleting' || space.status === 'Deleted') return 'shutting-down';
  if (space.status === 'Pending') return 'pending';
  switch (app?.status) {
    case 'Pending':
      return 'pending';
    case 'InService':
    case 'Updating':
      return 'running';
    case 'Deleting':
      return 'stopping';
    default:
      return 'stopped';
  }
}

/** A Canvas app as a row: it has no stopped state, so a deleted app reads as terminated. */
export function workstationFromCanvasApp(app: StudioApp, region: string): Workstation {
  const profile = 'profile' in app.owner ? app.owner.profile : '';
  const row: Workstation = {
    ...rowBase(app.tags, `canvas-${profile}`),
    id: canvasRowId(app.domain_id, profile),
    kind: 'sagemaker-canvas',
    region,
    state: canvasState(app.status),
    instance_type: CANVAS_INSTANCE_TYPE,
    launched_at: app.created_at,
  };
  if (app.status === 'Failed') row.progress = `app failed: ${app.failure_reason ?? 'no reason given'}`;
  else if (app.status === 'InService') row.progress = 'ready';
  return row;
}

function canvasState(status: StudioStatus): Workstation['state'] {
  switch (status) {
    case 'Pending':
      return 'pending';
    case 'InService':
    case 'Updating':
      return 'running';
    case 'Deleting':
      return 'shutting-down';
    default:
      return 'terminated';
  }
}
