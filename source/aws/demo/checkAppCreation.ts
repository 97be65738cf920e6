import { CloudError } from '../../core/CloudError.js';
import type { StudioAppRequest } from '../../core/ports.js';
import type { DemoState } from './demoState.js';
import {
  isLive,
  notFound,
  ownerKey,
  requireDomainInService,
  requireProfile,
  statusAt,
} from './demoStudioRecords.js';

/** Live apps of one instance type per domain before SageMaker answers ResourceLimitExceeded. */
export const DEMO_STUDIO_APPS_PER_TYPE = 4;

/**
 * What SageMaker checks before CreateApp: the domain and the owner (space or profile) in service, no
 * live app of the type for that owner, and the per-type quota (or the `app-limit` demo fault).
 */
export function checkAppCreation(
  state: DemoState,
  region: string,
  request: StudioAppRequest,
  at: number,
  appLimitFault: boolean,
): void {
  requireDomainInService(state, region, request.domain_id, at);
  if ('space' in request.owner) {
    const spaceName = request.owner.space;
    const space = state.studio.spaces.find(
      (s) => s.region === region && s.domain_id === request.domain_id && s.name === spaceName,
    );
    if (!space || statusAt(space, at) !== 'InService') {
      throw notFound(`the space ${spaceName} is not in service in ${request.domain_id}`);
    }
  } else {
    requireProfile(state, region, request.domain_id, request.owner.profile, at);
  }
  const live = state.studio.apps.filter(
    (candidate) =>
      candidate.region === region &&
      candidate.domain_id === request.domain_id &&
      isLive(statusAt(candidate, at)),
  );
  const sameOwner = live.find(
    (candidate) => candidate.type === request.type && ownerKey(candidate.owner) === ownerKey(request.owner),
  );
  if (sameOwner) {
    throw new CloudError({
      kind: 'conflict',
      code: 'ResourceInUse',
      message: `a ${request.type} app already runs for ${ownerKey(request.owner)}`,
      hint: 'Connect to it, or stop it first.',
    });
  }
  const sameType = live.filter((candidate) => candidate.instance_type === request.instance_type).length;
  if (appLimitFault || sameType >= DEMO_STUDIO_APPS_PER_TYPE) {
    throw new CloudError({
      kind: 'quota',
      code: 'ResourceLimitExceeded',
      message: `The account-level service limit for ${request.type} apps on ${request.instance_type} is ${DEMO_STUDIO_APPS_PER_TYPE}, with ${sameType} current utilization`,
      hint: 'Stop a running space, choose another size, or request a higher limit in Service Quotas (Amazon SageMaker).',
    });
  }
}
