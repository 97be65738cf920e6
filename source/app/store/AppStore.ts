import type { LoadedCostReport } from '../../core/cost/loadCostReport.js';
import type { CallerIdentity } from '../../core/ports.js';
import type { Workstation } from '../../core/workstations/Workstation.js';
import type { AppState, FlashKind, MonthSpend } from './AppState.js';
import { keepUnchangedRows } from './keepUnchangedRows.js';
import { appendMessage, type LoggedMessage } from './MessageLog.js';

/** How long a flash message stays before it clears itself. */
export const FLASH_MS = 6000;

/**
 * The one store of a session, read with `useSyncExternalStore`. Every change replaces the state
 * object, so a refresh that brings new workstations, a timestamp and a cleared error is one update.
 */
export class AppStore {
  private state: AppState = { workstations: [], refreshing: false, messages: [], unreadMessages: 0 };
  private listeners = new Set<() => void>();
  private flashTimer: NodeJS.Timeout | undefined;
  private nextFlashId = 1;
  /** Where messages without a source of their own come from: the page on top. */
  private source = 'cws-tui';

  constructor(private readonly clock: () => number = Date.now) {}

  getState = (): AppState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  refreshStarted(): void {
    this.set({ refreshing: true });
  }

  refreshSucceeded(workstations: readonly Workstation[], at: number): void {
    this.set({
      workstations: keepUnchangedRows(this.state.workstations, workstations),
      refreshedAt: at,
      refreshing: false,
      refreshError: undefined,
    });
  }

  refreshFailed(message: string): void {
    this.set({ refreshing: false, refreshError: message });
  }

  setIdentity(identity: CallerIdentity): void {
    this.set({ identity });
  }

  /** A new cost report: the header's spend follows it, and the alerts it fired wait for the user. */
  costRefreshed(loaded: LoadedCostReport): void {
    const { report } = loaded;
    const spend: MonthSpend = { spent_usd: report.month_to_date };
    if (report.budget) {
      spend.budget_usd = report.budget.monthly_limit;
      spend.level = report.budget.level;
    }
    const alerts = [...(this.state.budgetAlerts ?? []), ...loaded.alerts];
    this.set({
      cost: loaded,
      spend,
      costError: undefined,
      budgetAlerts: alerts.length > 0 ? alerts : undefined,
    });
  }

  costFailed(message: string): void {
    this.set({ costError: message });
  }

  dismissBudgetAlerts(): void {
    this.set({ budgetAlerts: undefined });
  }

  /** Another session (a profile switch): nothing of the previous account may stay on screen. */
  sessionReplaced(): void {
    this.set({
      identity: undefined,
      workstations: [],
      refreshedAt: undefined,
      refreshing: false,
      refreshError: undefined,
      spend: undefined,
      cost: undefined,
      costError: undefined,
      budgetAlerts: undefined,
      region: undefined,
    });
  }

  /** Shows a message on the message line and keeps it in the log, with its time and source. */
  flash(kind: FlashKind, text: string, hint?: string, source?: string): void {
    if (this.flashTimer) clearTimeout(this.flashTimer);
    const id = this.log(kind, text, hint, source);
    this.set({ flash: hint ? { id, kind, text, hint } : { id, kind, text } });
    this.flashTimer = setTimeout(() => this.clearFlash(id), FLASH_MS);
    this.flashTimer.unref();
  }

  /** Names the source of the messages that do not give one (the shell passes the page on top). */
  setMessageSource(source: string): void {
    this.source = source;
  }

  /** The `:events` page was read: nothing is unread. */
  markMessagesRead(): void {
    if (this.state.unreadMessages !== 0) this.set({ unreadMessages: 0 });
  }

  /** One region shown (`:region`), or every region with undefined. */
  showRegion(region: string | undefined): void {
    this.set({ region });
  }

  private log(kind: LoggedMessage['kind'], text: string, hint: string | undefined, source?: string): number {
    const id = this.nextFlashId++;
    const message: LoggedMessage = { id, at: this.clock(), kind, text, source: source ?? this.source };
    if (hint) message.hint = hint;
    this.set({
      messages: appendMessage(this.state.messages, message),
      unreadMessages: this.state.unreadMessages + 1,
    });
    return id;
  }

  clearFlash(id?: number): void {
    if (!this.state.flash || (id !== undefined && this.state.flash.id !== id)) return;
    this.set({ flash: undefined });
  }

  dispose(): void {
    if (this.flashTimer) clearTimeout(this.flashTimer);
    this.listeners.clear();
  }

  private set(patch: Partial<AppState>): void {
    const next = { ...this.state, ...patch };
    for (const key of Object.keys(patch) as Array<keyof AppState>) {
      if (patch[key] === undefined) delete next[key];
    }
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
