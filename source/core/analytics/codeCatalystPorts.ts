export interface CodeCatalystSpace {
  name: string;
  region: string;
  display_name?: string;
}

export type DevEnvironmentStatus =
  | 'PENDING'
  | 'RUNNING'
  | 'STARTING'
  | 'STOPPING'
  | 'STOPPED'
  | 'FAILED'
  | 'DELETING'
  | 'DELETED';

export interface DevEnvironment {
  id: string;
  space: string;
  project: string;
  alias?: string;
  status: DevEnvironmentStatus;
  instance_type: string;
  ides: string[];
  updated_at?: string;
}

/** A dev environment's compute history, as far as it is known, for the cost report. */
export interface DevEnvironmentUsage {
  environment: DevEnvironment;
  /** When it ran and stopped, oldest first (its own type, so this port needs nothing of core/ports). */
  transitions: { at: string; state: 'running' | 'stopped' }[];
  /** Set when only the last change is known (the API keeps no history before it). */
  partial_history?: boolean;
}

/** CodeCatalyst for spaces that exist, signed in with an AWS Builder ID bearer token. */
export interface CodeCatalystPort {
  listSpaces(): Promise<CodeCatalystSpace[]>;
  listDevEnvironments(space: string, project: string): Promise<DevEnvironment[]>;
  startDevEnvironment(space: string, project: string, id: string): Promise<DevEnvironmentStatus>;
  stopDevEnvironment(space: string, project: string, id: string): Promise<DevEnvironmentStatus>;
  /** Every dev environment of every space and project the user sees, with its compute history. */
  listDevEnvironmentUsage(): Promise<DevEnvironmentUsage[]>;
}

/** Said before anything else: no new customers since November 2025. */
export const CODECATALYST_CLOSED =
  'AWS closed CodeCatalyst to new customers in November 2025: only spaces that already exist work. Everyone else: the VS Code server templates (`cws-tui templates`).';
