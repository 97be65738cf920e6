import type { BudgetAlert, BudgetLevel } from '../../core/cost/evaluateBudget.js';
import type { LoadedCostReport } from '../../core/cost/loadCostReport.js';
import type { CallerIdentity } from '../../core/ports.js';
import type { Workstation } from '../../core/workstations/Workstation.js';
import type { FlashKind, LoggedMessage } from './MessageLog.js';

export type { FlashKind } from './MessageLog.js';

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
  /** Past a threshold the header turns to the warning colour, past the limit to the danger one. */
  level?: BudgetLevel;
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
  /** The last cost report: the header, the cost panel and `cost --json` read the same figures. */
  cost?: LoadedCostReport;
  costError?: string;
  /** Budget alerts fired this session and not yet acted on or dismissed, oldest first. */
  budgetAlerts?: readonly BudgetAlert[];
  flash?: FlashMessage;
  /** Every message of the session, oldest first (the `:events` page). */
  messages: readonly LoggedMessage[];
  /** Messages shown since the `:events` page was last opened. */
  unreadMessages: number;
  /** The one region shown, or every region of the profile when unset (`:region`). */
  region?: string;
}
