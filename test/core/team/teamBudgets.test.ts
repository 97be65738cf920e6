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
});
