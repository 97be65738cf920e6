import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSession } from '../../../source/app/session/openSession.js';
import { runLaunchCommand } from '../../../source/commands/launchCommand.js';
import { listTeamAudit } from '../../../source/core/team/appendTeamAudit.js';
import { FileTeamStore } from '../../../source/core/team/FileTeamStore.js';
import { teamKeys } from '../../../source/core/team/teamItemKeys.js';
import { runCommand, testEnvironment } from '../../commands/commandHarness.js';

describe("what the app does by itself is audited: a budget's stop, a first launch's user", () => {
  it("is audited on this machine and in the lab's store, and gives the workstation's leases back", async () => {
    const env = testEnvironment();
    expect((await runCommand(runLaunchCommand, ['ubuntu-24-04', 'box'], env, { demo: true })).code).toBe(0);
    const store = new FileTeamStore(join(env.CWS_CONFIG_DIR ?? '', 'team-store.json'));
    expect((await store.get(teamKeys.leases('LAB')))?.holders).toHaveLength(1);
    const session = await openSession({ env, demo: true });
    const steps = await session.budgetActionPlan({
      threshold: 100,
      action: 'stop',
      percent_used: 104,
      message: 'over budget',
      requires_confirmation: false,
    });
    expect(steps.map((step) => step.name)).toEqual(['box']);
    for (const step of steps) await session.applyBudgetAction(step);

    const local = (await readFile(join(env.CWS_STATE_DIR ?? '', 'audit.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(local.at(-1)).toMatchObject({ action: 'budget-stop', name: 'box', profile: 'demo' });
    const month = new Date().toISOString().slice(0, 7);
    const shared = (await listTeamAudit(store, month)).map((item) => item.event);
    expect(shared).toContainEqual(expect.objectContaining({ action: 'budget-stop', name: 'box' }));
    // The first launch created the research user: audited as `users create` is.
    expect(local).toContainEqual(expect.objectContaining({ action: 'user-created', username: 'alice' }));
    expect(shared).toContainEqual(expect.objectContaining({ action: 'user-created', username: 'alice' }));
    expect((await store.get(teamKeys.leases('LAB')))?.holders ?? []).toEqual([]);
    expect((await store.get(teamKeys.leases('USER#alice')))?.holders ?? []).toEqual([]);
  }, 30_000);
});
