import type { LaunchProgress } from '../../core/launch/LaunchProgress.js';
import type { LaunchRequest } from '../../core/launch/LaunchRequest.js';
import type { LaunchProfile, LaunchResult } from '../../core/launch/launchWorkstation.js';
import type { CallerIdentity, CloudAccount } from '../../core/ports.js';
import type { TemplateRegistry } from '../../core/templates/TemplateRegistry.js';
import type { ResolvedTemplate } from '../../core/templates/templateSchema.js';
import type { Workstation } from '../../core/workstations/Workstation.js';

/** A launch's result, with the new workstation as the dashboard shows it. */
export interface SessionLaunchResult extends LaunchResult {
  workstation: Workstation;
}

/** Who and where the session runs as: what the header shows. */
export interface SessionInfo {
  account_kind: CloudAccount['kind'];
  profile: string;
  region: string;
  regions: string[];
  research_user?: string;
  /** Things the user should know once (e.g. a corrupt file that was moved aside). */
  notices: string[];
}

/**
 * Everything the screens and commands may ask of the cloud and the core, for one profile. The TUI
 * only renders state and dispatches these intents; it never talks to AWS itself.
 */
export interface Session {
  readonly info: SessionInfo;
  readonly account: CloudAccount;
  readonly profile: LaunchProfile;
  callerIdentity(): Promise<CallerIdentity>;
  listWorkstations(): Promise<Workstation[]>;
  /** The workstation as it is now, or undefined once AWS has forgotten it. */
  refreshWorkstation(workstation: Workstation): Promise<Workstation | undefined>;
  startWorkstation(workstation: Workstation): Promise<void>;
  stopWorkstation(workstation: Workstation, options: { hibernate: boolean }): Promise<void>;
  terminateWorkstation(workstation: Workstation): Promise<void>;
  /** The templates on the search path (loaded once per session). */
  templates(): Promise<TemplateRegistry>;
  resolveTemplate(slugOrName: string): Promise<ResolvedTemplate>;
  /** Runs the one launch pipeline. */
  launch(
    request: LaunchRequest,
    onProgress?: (progress: LaunchProgress) => void,
  ): Promise<SessionLaunchResult>;
}
