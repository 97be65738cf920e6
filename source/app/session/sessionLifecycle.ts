import type { Service } from '../../core/services/Service.js';
import { unsupportedOperationError } from '../../core/services/serviceOperations.js';
import { lifecycleDenial } from '../../core/workstations/LifecycleDeniedError.js';
import type { Workstation } from '../../core/workstations/Workstation.js';
import type { CloudSessionOptions } from './CloudSessionOptions.js';
import { defaultResearchUsername } from './defaultResearchUsername.js';

/** What a lifecycle action needs of its session: its options as it sees them and its services. */
export interface LifecycleSource {
  options: CloudSessionOptions;
  serviceOf: (workstation: Workstation) => Service | undefined;
}

/** Members act on their own workstations only (fail closed), admins on any. */
function requireMayAct({ options }: LifecycleSource, workstation: Workstation, action: string): void {
  const denial = lifecycleDenial(workstation, action, {
    research_user: options.info.research_user ?? defaultResearchUsername(options.env),
    role: options.profile.role,
  });
  if (denial) throw denial;
}

export async function startInSession(source: LifecycleSource, workstation: Workstation): Promise<void> {
  requireMayAct(source, workstation, 'start');
  const service = source.serviceOf(workstation);
  if (service) return service.start(workstation);
  await source.options.team?.beforeStart(workstation);
  await source.options.account.compute.startInstance(workstation.region, workstation.id);
}

export async function stopInSession(
  source: LifecycleSource,
  workstation: Workstation,
  options: { hibernate: boolean },
): Promise<void> {
  requireMayAct(source, workstation, options.hibernate ? 'hibernate' : 'stop');
  const service = source.serviceOf(workstation);
  if (service && options.hibernate) throw unsupportedOperationError(workstation.kind, 'hibernate');
  if (service) return service.stop(workstation);
  await source.options.account.compute.stopInstance(workstation.region, workstation.id, options);
  await source.options.team?.released(workstation, false);
}

export async function terminateInSession(source: LifecycleSource, workstation: Workstation): Promise<void> {
  requireMayAct(source, workstation, 'terminate');
  const service = source.serviceOf(workstation);
  if (service) return service.delete(workstation);
  await source.options.account.compute.terminateInstance(workstation.region, workstation.id);
  await source.options.team?.released(workstation, true);
}
