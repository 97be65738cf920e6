import type { LaunchProgress } from '../launch/LaunchProgress.js';
import type { LaunchRequest } from '../launch/LaunchRequest.js';
import type { PolicyVerdict } from '../policy/PolicyVerdict.js';
import type { ResolvedTemplate } from '../templates/templateSchema.js';
import type { Workstation } from '../workstations/Workstation.js';
import type { ServiceHealth } from './ServiceHealth.js';
import type { ManagedServiceKind } from './ServiceKind.js';

/** A launched service, as the dashboard shows it, with what the launch decided. */
export interface ServiceLaunchResult {
  workstation: Workstation;
  template: ResolvedTemplate;
  /** USD per hour while it runs (0 for a free service). */
  hourly_cost: number;
  verdict: PolicyVerdict;
  /** True when the launch found the service already there and reused it. */
  resumed: boolean;
}

/** Where a web service is reached. A SageMaker URL is signed and expires: it is never stored. */
export interface ServiceEndpoint {
  url: string;
  expires_at?: string;
  /** What the user should know about the URL (no cost, a separate sign-in...). */
  note?: string;
}

/**
 * One managed service kind: launch, list, status, health, lifecycle, connection and cost, in the
 * same shape for every kind. Rows are dashboard `Workstation`s so that EC2 workstations and services
 * sit side by side. A kind that cannot do an operation throws with `unsupportedOperation`'s reason.
 */
export interface Service {
  readonly kinds: readonly (ManagedServiceKind | 'hpc-cluster' | 'emr-application' | 'emr-cluster')[];
  launch(
    request: LaunchRequest,
    template: ResolvedTemplate,
    onProgress: (progress: LaunchProgress) => void,
  ): Promise<ServiceLaunchResult>;
  list(regions: readonly string[]): Promise<Workstation[]>;
  /** The row as it is now, or undefined once the service is gone. */
  status(row: Workstation): Promise<Workstation | undefined>;
  health(row: Workstation): Promise<ServiceHealth>;
  start(row: Workstation): Promise<void>;
  stop(row: Workstation): Promise<void>;
  /** Deletes the service (the session calls it for terminate). */
  delete(row: Workstation): Promise<void>;
  connection(row: Workstation): Promise<ServiceEndpoint>;
  /** USD per hour while it runs, or undefined when no price is known. */
  hourlyCost(row: Workstation): number | undefined;
}
