import { CloudError } from '../../core/CloudError.js';
import type { StudioApp, StudioDomain, StudioSpace, StudioStatus } from '../../core/ports.js';
import type { DemoState, DemoStudioApp, DemoStudioDomain } from './demoState.js';

/** A simulated SageMaker resource: its statuses over time, the last one reached being its status. */
export type Timed = { transitions: Array<{ at: string; status: StudioStatus }> };

export function toDomain(domain: DemoStudioDomain, now: number): StudioDomain {
  const result: StudioDomain = {
    id: domain.id,
    name: domain.name,
    region: domain.region,
    status: statusAt(domain, now),
    url: `https://${domain.id}.studio.${domain.region}.sagemaker.aws`,
    home_efs_file_system_id: domain.home_efs_file_system_id,
    // The app creates its domains with custom tag propagation on.
    tag_propagation: true,
    tags: { ...domain.tags },
  };
  if (result.status === 'Failed' && domain.failure_reason) result.failure_reason = domain.failure_reason;
  return result;
}

export function requireDomainInService(state: DemoState, region: string, domainId: string, at: number): void {
  const domain = state.studio.domains.find((d) => d.region === region && d.id === domainId);
  const status = domain ? statusAt(domain, at) : 'Deleted';
  if (status === 'Deleted') throw notFound(`the domain ${domainId} does not exist in ${region}`);
  if (status !== 'InService') throw inUse(`the domain ${domainId} is ${status}, not InService`);
}

export function requireProfile(
  state: DemoState,
  region: string,
  domainId: string,
  name: string,
  at: number,
): void {
  const profile = state.studio.user_profiles.find(
    (p) =>
      p.region === region && p.domain_id === domainId && p.name === name && statusAt(p, at) !== 'Deleted',
  );
  if (!profile) throw notFound(`the user profile ${name} does not exist in ${domainId}`);
  if (statusAt(profile, at) !== 'InService')
    throw inUse(`the user profile ${name} is ${statusAt(profile, at)}`);
}

/** A new action supersedes what was still scheduled (e.g. delete while pending). */
export function schedule(resource: Timed, at: number, steps: Array<[StudioStatus, number]>): void {
  resource.transitions = resource.transitions.filter((t) => Date.parse(t.at) <= at);
  for (const [status, delay] of steps) resource.transitions.push({ at: iso(at + delay), status });
}

export function statusAt(resource: Timed, now: number): StudioStatus {
  let status: StudioStatus = 'Pending';
  for (const transition of resource.transitions) {
    if (Date.parse(transition.at) > now) break;
    status = transition.status;
  }
  return status;
}

export function isLive(status: StudioStatus): boolean {
  return status === 'Pending' || status === 'InService' || status === 'Updating';
}

export function ownerKey(owner: StudioApp['owner']): string {
  return 'space' in owner ? `space ${owner.space}` : `user profile ${owner.profile}`;
}

export function toSpace(space: DemoState['studio']['spaces'][number], now: number): StudioSpace {
  return {
    domain_id: space.domain_id,
    name: space.name,
    status: statusAt(space, now),
    owner_profile: space.owner_profile,
    app_type: space.app_type,
    instance_type: space.instance_type,
    idle_timeout_minutes: space.idle_timeout_minutes,
    // SageMaker's default for a space's own EBS volume, as the AWS adapter sets it.
    ebs_volume_gb: 5,
    created_at: space.created_at,
    tags: { ...space.tags },
  };
}

export function toApp(app: DemoStudioApp, now: number): StudioApp {
  const result: StudioApp = {
    domain_id: app.domain_id,
    region: app.region,
    type: app.type,
    name: app.name,
    owner: { ...app.owner },
    status: statusAt(app, now),
    instance_type: app.instance_type,
    created_at: app.created_at,
    tags: { ...app.tags },
  };
  if (app.failure_reason) result.failure_reason = app.failure_reason;
  return result;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function notFound(message: string): CloudError {
  return new CloudError({
    kind: 'not-found',
    code: 'ResourceNotFound',
    message,
    hint: 'Refresh: it may have been deleted.',
  });
}

export function inUse(message: string): CloudError {
  return new CloudError({
    kind: 'conflict',
    code: 'ResourceInUse',
    message,
    hint: 'Wait for the resource to finish its current step, then retry.',
    retryable: true,
  });
}
