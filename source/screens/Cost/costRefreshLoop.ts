import { describeError } from '../../app/describeError.js';
import type { Session } from '../../app/session/Session.js';
import type { AppStore } from '../../app/store/AppStore.js';
import { RefreshLoop } from '../../app/store/RefreshLoop.js';
import { applyBudgetActions, describeBudgetActionOutcome } from './applyBudgetActions.js';

/** The cost report lists every resource: refreshed less often than the dashboard, never overlapping. */
export const MIN_COST_REFRESH_MS = 30_000;

export interface CostRefreshOptions {
  session: Session;
  store: AppStore;
  intervalMs: number;
  isPaused: () => boolean;
  /** Keys are arriving: the report waits for a pause in the typing (see RefreshLoop). */
  isBusy?: () => boolean;
  /** False once the session was replaced: a report that arrives after that is dropped. */
  isCurrent: () => boolean;
}

/**
 * Keeps the store's cost report current for the header and the cost panel. Thresholds that fire are
 * recorded (each fires once a month) and announced; a stop or hibernate the admin set to act without
 * confirmation is carried out at once, the others wait in the cost panel for the user.
 */
export function costRefreshLoop({
  session,
  store,
  intervalMs,
  isPaused,
  isBusy,
  isCurrent,
}: CostRefreshOptions): RefreshLoop {
  const shownWarnings = new Set<string>();
  // Alerts from before this start, not yet acknowledged, join the first report's.
  let restoredPending = false;
  return new RefreshLoop({
    intervalMs: Math.max(intervalMs, MIN_COST_REFRESH_MS),
    isPaused,
    ...(isBusy ? { isBusy } : {}),
    refresh: async () => {
      try {
        const fresh = await session.costReport({ fireAlerts: true });
        if (!isCurrent()) return;
        const loaded =
          restoredPending || !fresh.pending
            ? fresh
            : { ...fresh, alerts: [...fresh.pending, ...fresh.alerts] };
        restoredPending = true;
        store.costRefreshed(loaded);
        for (const warning of loaded.warnings) {
          if (shownWarnings.has(warning)) continue;
          shownWarnings.add(warning);
          store.flash('error', warning, undefined, 'cost');
        }
        // Every alert goes to the message log; the latest stays on the message line.
        for (const alert of loaded.alerts) {
          store.flash(
            alert.action === 'warn' ? 'info' : 'error',
            alert.message,
            alert.requires_confirmation ? 'Open the cost panel (:cost) to act on it.' : undefined,
            'budget',
          );
        }
        for (const alert of fresh.alerts) {
          if (alert.requires_confirmation || (alert.action !== 'stop' && alert.action !== 'hibernate'))
            continue;
          const outcome = await applyBudgetActions(session, await session.budgetActionPlan(alert));
          store.flash(
            outcome.failed.length > 0 ? 'error' : 'info',
            describeBudgetActionOutcome(outcome),
            undefined,
            'budget',
          );
        }
      } catch (error) {
        if (!isCurrent()) return;
        const { message, hint } = describeError(error);
        store.costFailed(message);
        store.flash('error', `Cost report failed: ${message}`, hint, 'cost');
      }
    },
  });
}
