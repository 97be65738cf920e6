import type { CallerIdentity, CloudAccount } from '../../core/ports.js';
import type { Workstation } from '../../core/workstations/Workstation.js';

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
  callerIdentity(): Promise<CallerIdentity>;
  listWorkstations(): Promise<Workstation[]>;
  startWorkstation(workstation: Workstation): Promise<void>;
  stopWorkstation(workstation: Workstation, options: { hibernate: boolean }): Promise<void>;
  terminateWorkstation(workstation: Workstation): Promise<void>;
}
