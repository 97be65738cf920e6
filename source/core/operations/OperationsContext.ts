import type { PriceCatalog } from '../cost/PriceCatalog.js';
import type { ResearchUser } from '../identity/ResearchUser.js';
import type { LaunchProfile } from '../launch/launchChecks.js';
import type { CloudAccount } from '../ports.js';

/** One line of the audit log written by a day-to-day operation (exec, resize, volumes, ...). */
export interface OperationAuditEvent {
  action: string;
  profile: string;
  /** What it acted on: workstation names, volume or snapshot ids. */
  targets: string[];
  [detail: string]: unknown;
}

/**
 * What the day-to-day operations on workstations need from a session: the account, the profile
 * whose policy decides, the prices every view shows, and where the audit log and local files are.
 */
export interface OperationsContext {
  account: CloudAccount;
  profile: LaunchProfile;
  /** List prices with the profile's discounts. */
  prices: PriceCatalog;
  /** Replaces the snapshot prices with the Price List API's (AWS only): types the snapshot lacks. */
  livePrices?: () => Promise<void>;
  /** The app's state dir (audit log, local project records). */
  stateDir: string;
  /** The config dir (the subnet `network use` recorded); without it, the region's default VPC. */
  configDir?: string;
  /** How often to poll AWS for a command or a state change. */
  pollIntervalMs: number;
  researchUser(): Promise<ResearchUser>;
  /** Another research user of this machine, by name (undefined when unknown here). */
  findResearchUser(username: string): Promise<ResearchUser | undefined>;
  audit(event: OperationAuditEvent): Promise<void>;
}
