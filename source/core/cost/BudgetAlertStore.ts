import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFileOrSetAside } from '../fs/readJsonFileOrSetAside.js';
import { uniqueBackupPath } from '../fs/uniqueBackupPath.js';
import { writeFileAtomic } from '../fs/writeFileAtomic.js';

const storeFileSchema = z.object({
  version: z.literal(1),
  budgets: z.record(z.string(), z.object({ month: z.string(), fired: z.array(z.number()) })),
});
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

  /** Adds thresholds to those fired in `month`; an entry of an earlier month is replaced. */
  async recordFired(budgetKey: string, month: string, thresholds: readonly number[]): Promise<void> {
    if (thresholds.length === 0) return;
    const { data } = await this.read();
    const entry = data.budgets[budgetKey];
    const fired = new Set(entry?.month === month ? entry.fired : []);
    for (const threshold of thresholds) fired.add(threshold);
    data.budgets[budgetKey] = { month, fired: [...fired].sort((a, b) => a - b) };
    await writeFileAtomic(this.file, `${JSON.stringify(data, null, 2)}\n`);
  }
}
