import type { CloudAccount } from '../ports.js';
import { TimeSlicer } from '../slicing/TimeSlicer.js';
import type { Budget } from './Budget.js';
import type { BudgetAlertStore } from './BudgetAlertStore.js';
import type { CostLedger } from './CostLedger.js';
import { buildCostReportInSlices, type CostReport } from './costReport.js';
import type { Discounts } from './discounts.js';
import type { BudgetAlert } from './evaluateBudget.js';
import { listCostResources } from './listCostResources.js';
import type { BilledSpendResult } from './loadBilledSpend.js';
import type { PriceCatalog } from './PriceCatalog.js';
import type { SpotPriceSource } from './SpotPriceSource.js';
import type { TimeWindow } from './TimeWindow.js';
import { zonedMonthKey } from './zonedCalendar.js';

export interface CostReportRequest {
  account: CloudAccount;
  regions: readonly string[];
  catalog: PriceCatalog;
  discounts?: Discounts;
  /** Current spot prices, so that spot instances accrue at them rather than on demand. */
  spotPrices?: SpotPriceSource;
  now: Date;
  timeZone: string;
  budget?: Budget;
  /** Whose budget it is, e.g. `profile:lab` or `project:genomics`: the alert record's key. */
  budgetKey: string;
  /** The alert record: this machine's file, or the lab's team store. */
  store: Pick<BudgetAlertStore, 'firedThresholds' | 'recordFired' | 'pendingAlerts' | 'acknowledge'>;
  /** Keeps what AWS forgets (terminated instances, histories); without it only listed resources count. */
  ledger?: CostLedger;
  /**
   * Record the thresholds that fire (the TUI's refresh, which then shows them and acts); a read-only
   * view such as `cost --json` leaves them for it.
   */
  fireAlerts: boolean;
  window?: TimeWindow;
  billed?: BilledSpendResult;
}

export interface LoadedCostReport {
  report: CostReport;
  /** Thresholds that fired with this report: to show, and to act on (stop/hibernate). */
  alerts: BudgetAlert[];
  /** Problems to show once, e.g. an unreadable alert record set aside. */
  warnings: string[];
  /** Alerts fired before this report and not acknowledged yet (they survive a restart). */
  pending?: BudgetAlert[];
}

/**
 * The one way the cost panel and `cws-tui cost` get their figures: the account's resources priced,
 * accrued and compared with the budget, so the two agree to the cent.
 */
export async function loadCostReport(request: CostReportRequest): Promise<LoadedCostReport> {
  // In slices: the TUI refreshes this while keys arrive (a one-shot command loses nothing by it).
  const slicer = new TimeSlicer();
  const { resources: listed, warnings } = await listCostResources(
    request.account,
    request.regions,
    request.spotPrices,
    { slicer },
  );
  const month = zonedMonthKey(request.now, request.timeZone);
  let resources = listed;
  if (request.ledger) {
    const merged = await request.ledger.merge(listed, request.regions, request.now, slicer);
    if (merged.warning) warnings.push(merged.warning);
    resources = merged.resources;
  }
  let budgetFired: ReadonlySet<number> = new Set();
  let pending: BudgetAlert[] = [];
  if (request.budget) {
    const fired = await request.store.firedThresholds(request.budgetKey, month);
    if (fired.warning) warnings.push(fired.warning);
    budgetFired = fired.fired;
    pending = await request.store.pendingAlerts(request.budgetKey, month);
  }
  const report = await buildCostReportInSlices(
    {
      resources,
      now: request.now,
      catalog: request.catalog,
      timeZone: request.timeZone,
      budgetFired,
      ...(request.discounts ? { discounts: request.discounts } : {}),
      ...(request.budget ? { budget: request.budget } : {}),
      ...(request.window ? { window: request.window } : {}),
      ...(request.billed ? { billed: request.billed } : {}),
    },
    slicer,
  );
  const alerts = report.budget?.fired ?? [];
  if (request.fireAlerts && alerts.length > 0) {
    await request.store.recordFired(
      request.budgetKey,
      month,
      alerts.map((alert) => alert.threshold),
      alerts,
    );
  }
  return { report, alerts, warnings, ...(pending.length > 0 ? { pending } : {}) };
}
