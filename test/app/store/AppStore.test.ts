import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppStore, FLASH_MS } from '../../../source/app/store/AppStore.js';
import { budgetSchema } from '../../../source/core/cost/Budget.js';
import { buildCostReport } from '../../../source/core/cost/costReport.js';
import type { BudgetAlert } from '../../../source/core/cost/evaluateBudget.js';
import type { LoadedCostReport } from '../../../source/core/cost/loadCostReport.js';
import { snapshotPriceCatalog } from '../../../source/core/cost/priceTable.js';

describe('AppStore', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('replaces the refresh slices in one update and clears an earlier error', () => {
    const store = new AppStore();
    let updates = 0;
    store.subscribe(() => updates++);
    store.refreshStarted();
    store.refreshFailed('throttled');
    expect(store.getState()).toMatchObject({ refreshing: false, refreshError: 'throttled' });
    const before = updates;
    store.refreshSucceeded([], 42);
    expect(updates).toBe(before + 1);
    expect(store.getState()).toEqual({
      workstations: [],
      refreshing: false,
      refreshedAt: 42,
      messages: [],
      unreadMessages: 0,
    });
  });

  it('keeps a flash message for a while, and a newer one replaces it', () => {
    const store = new AppStore();
    store.flash('error', 'could not stop', 'ask your admin');
    expect(store.getState().flash).toMatchObject({
      kind: 'error',
      text: 'could not stop',
      hint: 'ask your admin',
    });
    vi.advanceTimersByTime(FLASH_MS - 100);
    store.flash('success', 'Stopping analysis-1');
    vi.advanceTimersByTime(200);
    expect(store.getState().flash?.text).toBe('Stopping analysis-1');
    vi.advanceTimersByTime(FLASH_MS);
    expect(store.getState().flash).toBeUndefined();
  });

  it('gives a new state object on every change, so selectors see it', () => {
    const store = new AppStore();
    const first = store.getState();
    store.costRefreshed(loadedReport([]));
    expect(store.getState()).not.toBe(first);
    expect(store.getState().spend).toEqual({ spent_usd: 0, budget_usd: 100, level: 'ok' });
  });

  it('keeps fired budget alerts across cost reports until they are dismissed', () => {
    const store = new AppStore();
    store.costRefreshed(loadedReport([alertAt(50)]));
    store.costRefreshed(loadedReport([]));
    store.costRefreshed(loadedReport([alertAt(80)]));
    expect(store.getState().budgetAlerts?.map((alert) => alert.threshold)).toEqual([50, 80]);
    store.dismissBudgetAlerts();
    expect(store.getState().budgetAlerts).toBeUndefined();
  });

  it('forgets everything of the previous session when it is replaced', () => {
    const store = new AppStore();
    store.setIdentity({ account: '123456789012', arn: 'arn:aws:iam::123456789012:user/a', user_id: 'A' });
    store.refreshSucceeded([], 42);
    store.costRefreshed(loadedReport([alertAt(50)]));
    store.costFailed('throttled');
    store.showRegion('eu-west-1');
    store.sessionReplaced();
    expect(store.getState()).toEqual({
      workstations: [],
      refreshing: false,
      messages: [],
      unreadMessages: 0,
    });
  });

  it('logs every message with its time and source, counts the unread, and keeps the log across sessions', () => {
    let clock = Date.parse('2026-12-06T01:00:00Z');
    const store = new AppStore(() => clock);
    store.setMessageSource('Dashboard');
    store.flash('success', 'Stopping ws-1');
    clock += 1000;
    store.flash('error', 'Refresh failed: throttled', 'try again', 'refresh');
    expect(store.getState().messages).toEqual([
      {
        id: 1,
        at: Date.parse('2026-12-06T01:00:00Z'),
        kind: 'success',
        text: 'Stopping ws-1',
        source: 'Dashboard',
      },
      {
        id: 2,
        at: Date.parse('2026-12-06T01:00:01Z'),
        kind: 'error',
        text: 'Refresh failed: throttled',
        hint: 'try again',
        source: 'refresh',
      },
    ]);
    expect(store.getState().unreadMessages).toBe(2);
    store.markMessagesRead();
    expect(store.getState().unreadMessages).toBe(0);
    store.sessionReplaced();
    expect(store.getState().messages).toHaveLength(2);
    for (let n = 0; n < 600; n++) store.flash('info', `notice ${n}`);
    expect(store.getState().messages).toHaveLength(500);
    expect(store.getState().messages.at(-1)?.text).toBe('notice 599');
    store.dispose();
  });
});

function loadedReport(alerts: BudgetAlert[]): LoadedCostReport {
  const report = buildCostReport({
    resources: [],
    now: new Date('2026-11-20T12:00:00Z'),
    catalog: snapshotPriceCatalog,
    timeZone: 'UTC',
    budget: budgetSchema.parse({ monthly_limit: 100 }),
  });
  return { report, alerts, warnings: [] };
}

function alertAt(threshold: number): BudgetAlert {
  return {
    threshold,
    action: 'warn',
    percent_used: threshold,
    message: `Spend has reached ${threshold}%.`,
    requires_confirmation: false,
  };
}
