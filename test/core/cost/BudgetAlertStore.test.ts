import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BudgetAlertStore } from '../../../source/core/cost/BudgetAlertStore.js';
import type { BudgetAlert } from '../../../source/core/cost/evaluateBudget.js';

const STOP: BudgetAlert = {
  threshold: 80,
  action: 'stop',
  percent_used: 83,
  message:
    'Budget alert: $0.05 spent, 83% of the $0.06 budget (80% threshold): running workstations are to be stopped.',
  requires_confirmation: true,
};

describe('BudgetAlertStore', () => {
  it('keeps fired alerts waiting until they are acknowledged, for the month they fired in', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cws-alerts-')), 'budget-alerts.json');
    const store = new BudgetAlertStore(file);
    await store.recordFired('profile:lab', '2026-12', [80], [STOP]);
    // Another process (a restart) reads the same file.
    const again = new BudgetAlertStore(file);
    expect(await again.pendingAlerts('profile:lab', '2026-12')).toEqual([STOP]);
    expect(await again.pendingAlerts('profile:lab', '2027-01')).toEqual([]);
    expect((await again.firedThresholds('profile:lab', '2026-12')).fired).toEqual(new Set([80]));
    await again.acknowledge('profile:lab');
    expect(await store.pendingAlerts('profile:lab', '2026-12')).toEqual([]);
    expect((await store.firedThresholds('profile:lab', '2026-12')).fired).toEqual(new Set([80]));
  });
});
