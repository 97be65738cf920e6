import type { Budget } from '../../core/cost/Budget.js';
import { BudgetAlertStore, budgetAlertFile } from '../../core/cost/BudgetAlertStore.js';
import { CostLedger, costLedgerFile } from '../../core/cost/CostLedger.js';
import { type LoadedCostReport, loadCostReport } from '../../core/cost/loadCostReport.js';
import type { PriceCatalog } from '../../core/cost/PriceCatalog.js';
import type { TimeWindow } from '../../core/cost/TimeWindow.js';
import type { AppPaths } from '../../core/paths.js';
import type { CloudAccount } from '../../core/ports.js';
import type { SessionInfo } from './Session.js';

export interface SessionCostRequest {
  window?: TimeWindow;
  /** A monthly limit to compare with instead of the profile's budget. */
  budget?: Budget;
  /** Record thresholds that fire (the TUI's refresh); read-only views leave them. */
  fireAlerts: boolean;
  now?: Date;
}

/** The session's cost report: the same figures for the cost panel, the header and `cost --json`. */
export function loadSessionCostReport(
  context: {
    account: CloudAccount;
    info: SessionInfo;
    prices: PriceCatalog;
    paths: AppPaths;
    budget?: Budget;
  },
  request: SessionCostRequest,
): Promise<LoadedCostReport> {
  const { account, info, paths } = context;
  const budget = request.budget ?? context.budget;
  return loadCostReport({
    account,
    regions: info.regions,
    catalog: context.prices,
    now: request.now ?? new Date(),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    budgetKey: `profile:${info.profile}`,
    store: new BudgetAlertStore(budgetAlertFile(paths.stateDir)),
    ledger: new CostLedger(costLedgerFile(paths.stateDir, `${info.account_kind}-${info.profile}`)),
    fireAlerts: request.fireAlerts,
    ...(budget ? { budget } : {}),
    ...(request.window ? { window: request.window } : {}),
  });
}
