import type { Budget } from '../../core/cost/Budget.js';
import type { TimeWindow } from '../../core/cost/TimeWindow.js';

/** What a cost report is asked for: a window, a budget to compare with, and whether alerts fire. */
export interface SessionCostRequest {
  window?: TimeWindow;
  /** A monthly limit to compare with instead of the profile's budget. */
  budget?: Budget;
  /** Record thresholds that fire (the TUI's refresh); read-only views leave them. */
  fireAlerts: boolean;
  now?: Date;
  /** Wait for the live prices (a one-shot command) instead of using what is loaded so far (the TUI). */
  waitForLivePrices?: boolean;
}
