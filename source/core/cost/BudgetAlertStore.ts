import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFileOrSetAside } from '../fs/readJsonFileOrSetAside.js';
import { uniqueBackupPath } from '../fs/uniqueBackupPath.js';
import { writeFileAtomic } from '../fs/writeFileAtomic.js';
import { lazySchema } from '../schema/lazySchema.js';
import type { BudgetAlert } from './evaluateBudget.js';

export const budgetAlertSchema = lazySchema(() =>
  z.object({
    threshold: z.number(),
    action: z.enum(['warn', 'block', 'stop', 'hibernate']),
    percent_used: z.number(),
    message: z.string(),
    requires_confirmation: z.boolean(),
  }),
);

const storeFileSchema = lazySchema(() =>
  z.object({
    version: z.literal(1),
    budgets: z.record(
      z.string(),
      z.object({
        month: z.string(),
        fired: z.array(z.number()),
        /** Fired alerts nobody has acknowledged yet: they are shown again after a restart. */
        pending: z.array(budgetAlertSchema).optional(),
      }),
    ),
  }),
);
type StoreFile = z.infer<typeof storeFileSchema>;

/** Where the app keeps its budget alert record: one file in the state dir, shared by the TUI and commands. */
export function budgetAlertFile(stateDir: string): string {
  return join(stateDir, 'budget-alerts.json');
}

export interface FiredThresholds {
  fired: Set<number>;
  /** Set when the file was unreadable: it was kept as `.bak` and the store starts afresh. */
  warning?: string;
}

/**
 * Remembers which budget thresholds have fired this month, per budget (a profile or project key), in
 * one JSON file in the state dir. A new month starts with nothing fired.
 */
export class BudgetAlertStore {
  readonly file: string;

  constructor(file: string) {
    this.file = file;
  }

  private async read(): Promise<{ data: StoreFile; warning?: string }> {
    const read = await readJsonFileOrSetAside(this.file, storeFileSchema, uniqueBackupPath(this.file));
    if (read.status === 'read') return { data: read.data };
    const data: StoreFile = { version: 1, budgets: {} };
    if (read.status === 'missing') return { data };
    return {
      data,
      warning: `The budget alert record ${this.file} was unreadable (${read.reason}); it was kept as ${read.backup} and alerts this month may repeat.`,
    };
  }

  /** The thresholds of a budget that already fired in `month` (`YYYY-MM`). */
  async firedThresholds(budgetKey: string, month: string): Promise<FiredThresholds> {
    const { data, warning } = await this.read();
    const entry = data.budgets[budgetKey];
    const result: FiredThresholds = { fired: new Set(entry?.month === month ? entry.fired : []) };
    if (warning) result.warning = warning;
    return result;
  }

  /**
   * Adds thresholds to those fired in `month` (an entry of an earlier month is replaced), and the
   * alerts they raised to those waiting to be acknowledged.
   */
  async recordFired(
    budgetKey: string,
    month: string,
    thresholds: readonly number[],
    alerts: readonly BudgetAlert[] = [],
  ): Promise<void> {
    if (thresholds.length === 0) return;
    const { data } = await this.read();
    const entry = data.budgets[budgetKey];
    const current = entry?.month === month ? entry : undefined;
    const fired = new Set(current?.fired ?? []);
    for (const threshold of thresholds) fired.add(threshold);
    const pending = [...(current?.pending ?? []), ...alerts];
    data.budgets[budgetKey] = {
      month,
      fired: [...fired].sort((a, b) => a - b),
      ...(pending.length > 0 ? { pending } : {}),
    };
    await writeFileAtomic(this.file, `${JSON.stringify(data, null, 2)}\n`);
  }

  /** The alerts of `month` not acknowledged yet, oldest first. */
  async pendingAlerts(budgetKey: string, month: string): Promise<BudgetAlert[]> {
    const { data } = await this.read();
    const entry = data.budgets[budgetKey];
    return entry?.month === month ? [...(entry.pending ?? [])] : [];
  }

  /** The user has seen (or acted on) the alerts: they are not shown again. */
  async acknowledge(budgetKey: string, _month?: string): Promise<void> {
    const { data } = await this.read();
    const entry = data.budgets[budgetKey];
    if (!entry?.pending) return;
    data.budgets[budgetKey] = { month: entry.month, fired: entry.fired };
    await writeFileAtomic(this.file, `${JSON.stringify(data, null, 2)}\n`);
  }
}
