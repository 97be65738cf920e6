import type { StudioApp } from '../../core/ports.js';
import type { DemoState } from './demoState.js';
import { inUse, isLive, notFound, ownerKey, schedule, statusAt, type Timed } from './demoStudioRecords.js';
import { retainHomeFileSystem } from './retainHomeFileSystem.js';

/**
 * SageMaker's delete calls on the demo state, each refused as AWS refuses it while something still
 * depends on the resource. `delayMs` is how long the deletion takes at the demo's pace.
 */
export interface DemoStudioDeletion {
  at: number;
  /** How long Deleting lasts for an app, for a space or profile, and for a domain. */
  delayMs: { app: number; resource: number; domain: number };
}

export function deleteDemoApp(
  state: DemoState,
  region: string,
  target: StudioApp,
  { at, delayMs }: DemoStudioDeletion,
): void {
  const app = state.studio.apps.find(
    (candidate) =>
      candidate.region === region &&
      candidate.domain_id === target.domain_id &&
      candidate.type === target.type &&
      ownerKey(candidate.owner) === ownerKey(target.owner) &&
      candidate.created_at === target.created_at,
  );
  if (!app) throw notFound(`the ${target.type} app of ${ownerKey(target.owner)} does not exist`);
  const status = statusAt(app, at);
  if (status === 'Deleting' || status === 'Deleted') return;
  schedule(app, at, [
    ['Deleting', 0],
    ['Deleted', delayMs.app],
  ]);
}

export function deleteDemoSpace(
  state: DemoState,
  region: string,
  domainId: string,
  name: string,
  { at, delayMs }: DemoStudioDeletion,
): void {
  const space = findInDomain(state.studio.spaces, region, domainId, at, (s) => s.name === name);
  if (!space) throw notFound(`the space ${name} does not exist in ${domainId}`);
  const blocking = findInDomain(
    state.studio.apps,
    region,
    domainId,
    at,
    (app) => 'space' in app.owner && app.owner.space === name && statusAt(app, at) !== 'Failed',
  );
  if (blocking) throw inUse(`the space ${name} still has a ${blocking.type} app (${statusAt(blocking, at)})`);
  scheduleDeletion(space, at, delayMs.resource);
}

export function deleteDemoUserProfile(
  state: DemoState,
  region: string,
  domainId: string,
  name: string,
  { at, delayMs }: DemoStudioDeletion,
): void {
  const profile = findInDomain(state.studio.user_profiles, region, domainId, at, (p) => p.name === name);
  if (!profile) throw notFound(`the user profile ${name} does not exist in ${domainId}`);
  const space = findInDomain(state.studio.spaces, region, domainId, at, (s) => s.owner_profile === name);
  if (space) throw inUse(`the user profile ${name} still owns the space ${space.name}`);
  const app = findInDomain(
    state.studio.apps,
    region,
    domainId,
    at,
    (a) => 'profile' in a.owner && a.owner.profile === name && isLive(statusAt(a, at)),
  );
  if (app) throw inUse(`the user profile ${name} still has a ${app.type} app`);
  scheduleDeletion(profile, at, delayMs.resource);
}

/** As on AWS: the home EFS is retained, tagged as left by the domain, and listed in storage. */
export function deleteDemoDomain(
  state: DemoState,
  region: string,
  domainId: string,
  { at, delayMs }: DemoStudioDeletion,
): { retained_home_efs_file_system_id?: string } {
  const domain = state.studio.domains.find((d) => d.region === region && d.id === domainId);
  if (!domain || statusAt(domain, at) === 'Deleted') throw notFound(`the domain ${domainId} does not exist`);
  const profile = findInDomain(state.studio.user_profiles, region, domainId, at, () => true);
  if (profile) throw inUse(`the domain ${domainId} still has the user profile ${profile.name}`);
  retainHomeFileSystem(state, domain, at);
  scheduleDeletion(domain, at, delayMs.domain);
  return { retained_home_efs_file_system_id: domain.home_efs_file_system_id };
}

/** The first resource of a domain, not yet deleted at `at`, that `matches`. */
function findInDomain<T extends Timed & { region: string; domain_id: string }>(
  resources: readonly T[],
  region: string,
  domainId: string,
  at: number,
  matches: (resource: T) => boolean,
): T | undefined {
  return resources.find(
    (resource) =>
      resource.region === region &&
      resource.domain_id === domainId &&
      statusAt(resource, at) !== 'Deleted' &&
      matches(resource),
  );
}

function scheduleDeletion(resource: Timed, at: number, delayMs: number): void {
  if (statusAt(resource, at) === 'Deleting') return;
  schedule(resource, at, [
    ['Deleting', 0],
    ['Deleted', delayMs],
  ]);
}
