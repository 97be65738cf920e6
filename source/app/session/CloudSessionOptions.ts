import type { Budget } from '../../core/cost/Budget.js';
import type { Discounts } from '../../core/cost/discounts.js';
import type { BilledSpendResult } from '../../core/cost/loadBilledSpend.js';
import type { CostReportRequest } from '../../core/cost/loadCostReport.js';
import type { PriceCatalog } from '../../core/cost/PriceCatalog.js';
import type { SpotPriceSource } from '../../core/cost/SpotPriceSource.js';
import type { TimeWindow } from '../../core/cost/TimeWindow.js';
import type { ResearchUserStore } from '../../core/identity/ResearchUserStore.js';
import type { AuditedGlobusLaunch } from '../../core/launch/AuditedGlobusLaunch.js';
import type { LaunchProfile } from '../../core/launch/launchChecks.js';
import type { AuditedOverride } from '../../core/launch/launchWorkstation.js';
import type { AppPaths } from '../../core/paths.js';
import type { CloudAccount } from '../../core/ports.js';
import type { BudgetActionAudit, UserCreatedAudit } from './recordBudgetAction.js';
import type { SessionInfo } from './Session.js';
import type { SessionProfiles } from './SessionProfiles.js';
import type { SessionTeam } from './SessionTeam.js';

/** What a CloudSession is opened with: the account, the profile and the lab's shared state. */
export interface CloudSessionOptions {
  info: SessionInfo;
  account: CloudAccount;
  profile: LaunchProfile;
  prices: PriceCatalog;
  paths: AppPaths;
  env: NodeJS.ProcessEnv;
  /** Lists profiles as their signed chains say (without it, as the config file caches them). */
  verifiedProfiles?: SessionProfiles;
  users: ResearchUserStore;
  audit(event: AuditedOverride | AuditedGlobusLaunch | BudgetActionAudit | UserCreatedAudit): Promise<void>;
  /** The profile's budget, in the cost format. */
  budget?: Budget;
  /** The institution's discounts: `prices` are list prices, every shown price has these applied. */
  discounts?: Discounts;
  /** Current spot prices for spot launches' estimates. */
  spotPrices?: SpotPriceSource;
  /** Starts loading live prices into `prices` (once); resolves when they are in or have failed. */
  livePrices?: () => Promise<void>;
  /** Billed spend from Cost Explorer, when the profile enables it. */
  billedSpend?: (now: Date, window?: TimeWindow) => Promise<BilledSpendResult>;
  /** The lab's team store: name reservations, running leases, the invitation chain. */
  team?: SessionTeam;
  /** The lab's budget alert record, when the budget is the lab's (from the team store). */
  budgetAlerts?: { key: string; store: CostReportRequest['store'] };
}
