import type { CallerIdentity } from '../../core/ports.js';
import type { Workstation } from '../../core/workstations/Workstation.js';

export type FlashKind = 'info' | 'success' | 'error';

/** A one-line message under the header: the outcome of an action, or an error and what to do. */
export interface FlashMessage {
  id: number;
  kind: FlashKind;
  text: string;
  hint?: string;
}

/** The month's spend against the budget, as the header shows it. */
export interface MonthSpend {
  spent_usd: number;
  budget_usd?: number;
}

/** The session's cached view of the cloud, rebuilt by refreshes; the truth stays in AWS. */
export interface AppState {
  identity?: CallerIdentity;
  workstations: readonly Workstation[];
  /** When the last successful refresh finished (ms since the epoch); unset until the first one. */
  refreshedAt?: number;
  refreshing: boolean;
  refreshError?: string;
  spend?: MonthSpend;
  flash?: FlashMessage;
}
