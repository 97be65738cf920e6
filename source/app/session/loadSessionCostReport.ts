import type { Budget } from '../../core/cost/Budget.js';
import { BudgetAlertStore, budgetAlertFile } from '../../core/cost/BudgetAlertStore.js';
import { costLedgerFile } from '../../core/cost/CostLedger.js';
import type { Discounts } from '../../core/cost/discounts.js';
import type { BilledSpendResult } from '../../core/cost/loadBilledSpend.js';
import {
  type CostReportRequest,
  type LoadedCostReport,
  loadCostReport,
} from '../../core/cost/loadCostReport.js';
import { localTimeZone } from '../../core/cost/localTimeZone.js';
import type { PriceCatalog } from '../../core/cost/PriceCatalog.js';
import type { SpotPriceSource } from '../../core/cost/SpotPriceSource.js';
import { sharedCostLedger } from '../../core/cost/sharedCostLedger.js';
import type { TimeWindow } from '../../core/cost/TimeWindow.js';
import type { AppPaths } from '../../core/paths.js';
import type { CloudAccount } from '../../core/ports.js';
import type { SessionInfo } from './Session.js';
import type { SessionCostRequest } from './SessionCostRequest.js';

/** The key a profile's budget alerts are kept under in the alert record. */
export function sessionBudgetKey(profile: string): string {
  return `profile:${profile}`;
}

/** The session's cost report: the same figures for the cost panel, the header and `cost --json`. */
export async function loadSessionCostReport(
  context: {
    account: CloudAccount;
    info: SessionInfo;
    /** List prices: the report applies `discounts` itself, so nothing is discounted twice. */
    prices: PriceCatalog;
    discounts?: Discounts;
    paths: AppPaths;
    budget?: Budget;
    /** Starts loading the live prices (once); resolves when they are in or have failed. */
    livePrices?: () => Promise<void>;
    /** Billed spend from Cost Explorer, when the profile enables it. */
    billedSpend?: (now: Date, window?: TimeWindow) => Promise<BilledSpendResult>;
    spotPrices?: SpotPriceSource;
    /** The cost ledger's key (see costLedgerKey); the profile's own when not given. */
    ledgerKey?: string;
    /** A lab budget from the team store: its key and the store's alert record replace the profile's. */
    budgetAlerts?: { key: string; store: CostReportRequest['store'] };
  },
  request: SessionCostRequest,
): Promise<LoadedCostReport> {
  const { account, info, paths } = context;
  const budget = request.budget ?? context.budget;
  const now = request.now ?? new Date();
  const livePrices = context.livePrices?.();
  if (livePrices && request.waitForLivePrices) await livePrices;
  const billed = await context.billedSpend?.(now, request.window);
  const loaded = await loadCostReport({
    account,
    regions: info.regions,
    catalog: context.prices,
    ...(context.discounts ? { discounts: context.discounts } : {}),
    ...(context.spotPrices ? { spotPrices: context.spotPrices } : {}),
    now,
    timeZone: localTimeZone(),
    budgetKey: context.budgetAlerts?.key ?? sessionBudgetKey(info.profile),
    store: context.budgetAlerts?.store ?? new BudgetAlertStore(budgetAlertFile(paths.stateDir)),
    ledger: sharedCostLedger(
      costLedgerFile(paths.stateDir, context.ledgerKey ?? `${info.account_kind}-${info.profile}`),
    ),
    fireAlerts: request.fireAlerts,
    ...(budget ? { budget } : {}),
    ...(request.window ? { window: request.window } : {}),
    ...(billed ? { billed } : {}),
  });
  if (billed?.error) loaded.report.notes.push(`billed spend: ${billed.error}`);
  return loaded;
}

export type { SessionCostRequest } from './SessionCostRequest.js';
