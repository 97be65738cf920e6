import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileTeamStore } from '../../../source/core/team/FileTeamStore.js';
import { budgetScope, TeamBudgetAlertStore } from '../../../source/core/team/teamBudgets.js';

describe('lab budgets in the team store', () => {
  it('reads scopes as typed', () => {
    expect(budgetScope('lab')).toBe('LAB');
    expect(budgetScope('project:genomics')).toBe('PROJECT#genomics');
    expect(budgetScope('user:alice')).toBe('USER#alice');
    expect(budgetScope('team:x')).toBeUndefined();
  });

  it('records a threshold once a month for the lab, whichever machine records it', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cws-budget-')), 'team-store.json');
    const first = new TeamBudgetAlertStore(new FileTeamStore(path));
    const second = new TeamBudgetAlertStore(new FileTeamStore(path));
    await first.recordFired('lab', '2026-12', [50]);
    await second.recordFired('lab', '2026-12', [50, 80]);
    expect([...(await first.firedThresholds('lab', '2026-12')).fired].sort()).toEqual([50, 80]);
    expect((await second.firedThresholds('lab', '2027-01')).fired.size).toBe(0);
    expect((await second.firedThresholds('project:x', '2026-12')).fired.size).toBe(0);
  });

  it('keeps a fired stop alert for every member until someone acknowledges it', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cws-budget-')), 'team-store.json');
    const machineA = new TeamBudgetAlertStore(new FileTeamStore(path));
    const machineB = new TeamBudgetAlertStore(new FileTeamStore(path));
    const stop = {
      threshold: 100,
      action: 'stop' as const,
      percent_used: 104,
      message: 'Budget alert: $104.00 spent, 104% of the $100.00 budget (100% threshold)',
      requires_confirmation: true,
    };
    await machineA.recordFired('lab', '2026-12', [100], [stop]);
    // A second machine seeing the same threshold neither duplicates nor resets it.
    await machineB.recordFired('lab', '2026-12', [100], [{ ...stop, percent_used: 105 }]);
    expect(await machineB.pendingAlerts('lab', '2026-12')).toEqual([stop]);
    await machineB.acknowledge('lab', '2026-12');
    expect(await machineA.pendingAlerts('lab', '2026-12')).toEqual([]);
    expect([...(await machineA.firedThresholds('lab', '2026-12')).fired]).toEqual([100]);
  });
});
