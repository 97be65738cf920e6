import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetSchema } from '../../../source/core/cost/Budget.js';
import { LaunchRefusedError } from '../../../source/core/launch/LaunchRefusedError.js';
import { FileTeamStore } from '../../../source/core/team/FileTeamStore.js';
import type { TeamStore } from '../../../source/core/team/TeamStore.js';
import { TeamStoreError } from '../../../source/core/team/TeamStoreError.js';
import { checkTeamBudgets } from '../../../source/core/team/teamBudgetRefusal.js';
import { setTeamBudget } from '../../../source/core/team/teamBudgets.js';

const freshStore = () =>
  new FileTeamStore(join(mkdtempSync(join(tmpdir(), 'cws-budget-')), 'team-store.json'));
const instance = (id: string, tags: Record<string, string>) =>
  ({ id, tags, state: 'running', region: 'us-east-1' }) as never;
const facts = async () => ({
  instances: [
    instance('i-1', { 'cws:research-user': 'alice', 'cws:project': 'genomics' }),
    instance('i-2', { 'cws:research-user': 'bob', 'cws:project': 'genomics' }),
  ],
  items: [
    { id: 'i-1', month_to_date: 30 },
    { id: 'i-2', month_to_date: 45 },
  ] as never[],
});

describe("a launch against the lab's budgets in the team store", () => {
  it("sums the project's spend over every member and refuses at the first block threshold", async () => {
    const store = freshStore();
    const launch = { research_user: 'alice', project: 'genomics' };
    await setTeamBudget(store, 'PROJECT#genomics', budgetSchema.parse({ monthly_limit: 100 }), 'admin');
    await expect(checkTeamBudgets(store, undefined, launch, facts)).resolves.toBeUndefined();
    const blockAt70 = budgetSchema.parse({
      monthly_limit: 100,
      thresholds: [70, 100],
      actions: { 70: 'block' },
    });
    await setTeamBudget(store, 'PROJECT#genomics', blockAt70, 'admin');
    const refusal = checkTeamBudgets(store, undefined, launch, facts);
    await expect(refusal).rejects.toBeInstanceOf(LaunchRefusedError);
    await expect(refusal).rejects.toThrow(
      'the project:genomics budget is spent: $75.00 this month of its $100.00 limit (launches stop at 70 %: $70.00)',
    );
  });

  it('fails closed: no store, or one that cannot be read, refuses with the reason', async () => {
    const launch = { research_user: 'alice' };
    await expect(checkTeamBudgets(undefined, 'the table is unreachable', launch, facts)).rejects.toThrow(
      "the lab's budgets in the team store cannot be checked: the table is unreachable",
    );
    const broken = {
      location: { kind: 'local', path: '/x' },
      get: async () => {
        throw new TeamStoreError('unreachable', 'connection refused');
      },
    } as unknown as TeamStore;
    await expect(checkTeamBudgets(broken, undefined, launch, facts)).rejects.toThrow(
      "the lab's budgets could not be read from the team store: connection refused",
    );
  });
});
