import type { Instance } from '../ports.js';

/** What kind of thing a row is: an EC2 workstation or a web service (issue: services). */
export type WorkstationKind =
  | 'ec2'
  | 'sagemaker-studio'
  | 'sagemaker-canvas'
  | 'studio-lab'
  | 'hpc-cluster'
  | 'emr-application'
  | 'emr-cluster';

/**
 * One row of the dashboard and of `cws-tui list`: an instance (or service) with what the app adds
 * to it, the template it came from, its price, who it belongs to, and how to get in.
 */
export interface Workstation {
  id: string;
  name: string;
  kind: WorkstationKind;
  template: string;
  region: string;
  state: Instance['state'];
  hibernated: boolean;
  instance_type: string;
  launched_at: string;
  /** USD per hour while running (compute + storage), an estimate from the price table. */
  hourly_cost?: number;
  research_user?: string;
  profile?: string;
  project?: string;
  /** The last provisioning stage reported (`ready` when done). */
  progress?: string;
  /** A short hint: `ssh`, `web :8888`, `browser`. */
  connect: string;
  instance?: Instance;
  /** Ownership tags changed since launch (see ownershipTampering): shown, and never trusted. */
  tampered?: string[];
}
