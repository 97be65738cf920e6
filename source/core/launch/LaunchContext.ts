import type { CostEstimate } from '../cost/estimateCost.js';
import type { NetworkChoice } from '../network/NetworkChoice.js';
import type { PolicyVerdict } from '../policy/PolicyVerdict.js';
import type { Instance } from '../ports.js';
import type { UserData } from '../provisioning/UserData.js';
import type { UserDataInput } from '../provisioning/UserDataInput.js';
import type { ResolvedTemplate } from '../templates/templateSchema.js';
import type { AuditedGlobusLaunch } from './AuditedGlobusLaunch.js';
import type { LaunchClaim, ReleaseLaunchClaim } from './LaunchClaim.js';
import type { LaunchRecord } from './LaunchRecordStore.js';
import type { LaunchCheckContext } from './launchChecks.js';

export interface AuditedOverride {
  action: 'policy-override';
  profile: string;
  owner: string;
  template: string;
  instance_type: string;
  reason: string;
  violations: string[];
  launch_id: string;
}

export interface LaunchContext extends LaunchCheckContext {
  /** The AWS principal launching (cws:owner). */
  owner: string;
  resolveTemplate(slugOrName: string): ResolvedTemplate;
  renderUserData(input: UserDataInput): UserData;
  audit(event: AuditedOverride | AuditedGlobusLaunch): Promise<void>;
  /** The subnet and SSH source `network use` recorded for the profile in a region (none: default VPC). */
  network?: (region: string) => Promise<NetworkChoice>;
  /** Claims the name and a running lease in the team store before RunInstances (see LaunchClaim). */
  claimLaunch?(claim: LaunchClaim): Promise<ReleaseLaunchClaim>;
  /** Check RunInstances with DryRun first (once per session: the caller clears it after). */
  dryRun: boolean;
  polling?: { intervalMs: number; runningTimeoutMs: number; readyTimeoutMs: number };
  now?: () => Date;
}

export interface LaunchResult {
  instance: Instance;
  record: LaunchRecord;
  template: ResolvedTemplate;
  estimate: CostEstimate;
  verdict: PolicyVerdict;
  user_data: { bytes: number; compressed: boolean };
  /** True when a retry found the instance an earlier attempt had started. */
  resumed: boolean;
}
