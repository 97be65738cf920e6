import { type Budget, budgetSchema } from '../cost/Budget.js';
import { budgetAlertSchema, type FiredThresholds } from '../cost/BudgetAlertStore.js';
import type { BudgetAlert } from '../cost/evaluateBudget.js';
import type { TeamItem, TeamStore } from './TeamStore.js';
import { isConditionFailure } from './TeamStoreError.js';
import { teamKeys } from './teamItemKeys.js';

/** `lab`, `project:<name>` or `user:<name>` as typed, to the store's scope (`LAB`, `PROJECT#...`). */
export function budgetScope(text: string): string | undefined {
  if (text === 'lab') return 'LAB';
  const match = /^(project|user):([A-Za-z0-9._-]{1,64})$/.exec(text);
  return match ? `${match[1]?.toUpperCase()}#${match[2]}` : undefined;
}

export async function setTeamBudget(
  store: TeamStore,
  scope: string,
  budget: Budget,
  by: string,
): Promise<void> {
  await store.put({
    ...teamKeys.budget(scope),
    scope,
    budget: JSON.parse(JSON.stringify(budget)) as TeamItem[string],
    set_by: by,
    set_at: new Date().toISOString(),
  });
}

export async function teamBudget(store: TeamStore, scope: string): Promise<Budget | undefined> {
  const item = await store.get(teamKeys.budget(scope));
  const parsed = budgetSchema.safeParse(item?.budget);
  return parsed.success ? parsed.data : undefined;
}

export async function listTeamBudgets(store: TeamStore): Promise<Array<{ scope: string; budget: Budget }>> {
  return (await store.query('BUDGET')).flatMap((item) => {
    const parsed = budgetSchema.safeParse(item.budget);
    return parsed.success ? [{ scope: item.sk, budget: parsed.data }] : [];
  });
}

/**
 * The budget alert record in the store: one item per threshold per month, written with a
 * conditional put, so a threshold is recorded once for the lab whichever machine sees it first,
 * and a profile switch on the same account finds the same record.
 */
export class TeamBudgetAlertStore {
  private readonly store: TeamStore;

  constructor(store: TeamStore) {
    this.store = store;
  }

  async firedThresholds(budgetKey: string, month: string): Promise<FiredThresholds> {
    const items = await this.store.query(`ALERT#${month}`, `${budgetKey}#`);
    return { fired: new Set(items.map((item) => Number(item.threshold)).filter(Number.isFinite)) };
  }

  /**
   * Records each threshold once for the lab; the alert it raised waits, in the same item, until
   * someone acknowledges it (so a stop alert survives a restart on every member's machine).
   */
  async recordFired(
    budgetKey: string,
    month: string,
    thresholds: readonly number[],
    alerts: readonly BudgetAlert[] = [],
  ): Promise<void> {
    for (const threshold of thresholds) {
      const alert = alerts.find((candidate) => candidate.threshold === threshold);
      try {
        await this.store.put(
          {
            ...teamKeys.budgetAlert(month, budgetKey, threshold),
            threshold,
            fired_at: new Date().toISOString(),
            ...(alert ? { alert: { ...alert }, acknowledged: false } : {}),
          },
          { exists: false },
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
  }

  /** The lab's alerts of `month` nobody has acknowledged yet, by threshold. */
  async pendingAlerts(budgetKey: string, month: string): Promise<BudgetAlert[]> {
    const items = await this.store.query(`ALERT#${month}`, `${budgetKey}#`);
    return items
      .filter((item) => item.acknowledged === false)
      .flatMap((item) => {
        const parsed = budgetAlertSchema.safeParse(item.alert);
        return parsed.success ? [parsed.data] : [];
      })
      .sort((a, b) => a.threshold - b.threshold);
  }

  async acknowledge(budgetKey: string, month?: string): Promise<void> {
    if (month === undefined) return;
    const items = await this.store.query(`ALERT#${month}`, `${budgetKey}#`);
    for (const item of items) {
      if (item.acknowledged === false) await this.store.put({ ...item, acknowledged: true });
    }
  }
}
