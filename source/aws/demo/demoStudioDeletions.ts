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
  const space = state.studio.spaces.find(
    (s) =>
      s.region === region && s.domain_id === domainId && s.name === name && statusAt(s, at) !== 'Deleted',
  );
  if (!space) throw notFound(`the space ${name} does not exist in ${domainId}`);
  const blocking = state.studio.apps.find(
    (app) =>
      app.region === region &&
      app.domain_id === domainId &&
      'space' in app.owner &&
      app.owner.space === name &&
      statusAt(app, at) !== 'Deleted' &&
      statusAt(app, at) !== 'Failed',
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
  const profile = state.studio.user_profiles.find(
    (p) =>
      p.region === region && p.domain_id === domainId && p.name === name && statusAt(p, at) !== 'Deleted',
  );
  if (!profile) throw notFound(`the user profile ${name} does not exist in ${domainId}`);
  const space = state.studio.spaces.find(
    (s) =>
      s.region === region &&
      s.domain_id === domainId &&
      s.owner_profile === name &&
      statusAt(s, at) !== 'Deleted',
  );
  if (space) throw inUse(`the user profile ${name} still owns the space ${space.name}`);
  const app = state.studio.apps.find(
    (a) =>
      a.region === region &&
      a.domain_id === domainId &&
      'profile' in a.owner &&
      a.owner.profile === name &&
      isLive(statusAt(a, at)),
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
  const profile = state.studio.user_profiles.find(
    (p) => p.region === region && p.domain_id === domainId && statusAt(p, at) !== 'Deleted',
  );
  if (profile) throw inUse(`the domain ${domainId} still has the user profile ${profile.name}`);
  retainHomeFileSystem(state, domain, at);
  scheduleDeletion(domain, at, delayMs.domain);
  return { retained_home_efs_file_system_id: domain.home_efs_file_system_id };
}

function scheduleDeletion(resource: Timed, at: number, delayMs: number): void {
  if (statusAt(resource, at) === 'Deleting') return;
  schedule(resource, at, [
    ['Deleting', 0],
    ['Deleted', delayMs],
  ]);
}
