import type { Instance } from '../ports.js';
import type { Workstation } from '../workstations/Workstation.js';
import type { SageMakerServiceContext } from './SageMakerServiceContext.js';
import type { StudioPolling } from './waitForStudioStatus.js';

/** What the launch needs of the service it runs for. */
export interface SageMakerLaunchHost {
  context: SageMakerServiceContext;
  polling: StudioPolling;
  now: () => Date;
  list(regions: readonly string[]): Promise<Workstation[]>;
  /** The profile's EC2 workstations that are not gone, for names and the per-user count. */
  liveWorkstations(): Promise<Instance[]>;
}
