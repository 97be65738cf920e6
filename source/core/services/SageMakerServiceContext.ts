import type { PriceCatalog } from '../cost/PriceCatalog.js';
import type { ResearchUser } from '../identity/ResearchUser.js';
import type { LaunchProfile } from '../launch/launchChecks.js';
import type { AuditedOverride } from '../launch/launchWorkstation.js';
import type { CloudAccount } from '../ports.js';
import type { StudioPolling } from './waitForStudioStatus.js';

/** What the SageMaker service needs from the session: the account, the profile, prices and identity. */
export interface SageMakerServiceContext {
  account: CloudAccount;
  profile: LaunchProfile;
  /** The AWS principal launching (cws:owner). */
  owner(): Promise<string>;
  researchUser(): Promise<ResearchUser>;
  prices: PriceCatalog;
  /** Records an admin's override of a denying policy, as the EC2 pipeline does. */
  audit(event: AuditedOverride): Promise<void>;
  /** An execution role an admin chose for the domain; otherwise the adapter provides one. */
  executionRoleArn?: string;
  polling?: StudioPolling;
  now?: () => Date;
}
