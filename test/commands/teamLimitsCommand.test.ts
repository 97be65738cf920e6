import { describe, expect, it } from 'vitest';
import { runLaunchCommand } from '../../source/commands/launchCommand.js';
import { lifecycleCommand } from '../../source/commands/lifecycleCommand.js';
import { runProfilesCommand } from '../../source/commands/profilesCommand.js';
import { runTeamCommand } from '../../source/commands/teamCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

/** An admin profile on the demo account with the local team store, as the quick start has it. */
async function adminOnDemo(): Promise<NodeJS.ProcessEnv> {
  const env = testEnvironment();
  const created = await runCommand(runProfilesCommand, ['create', 'ops'], env, {
    awsProfile: 'lab',
    region: 'us-east-1',
    admin: true,
  });
  expect(created.code).toBe(0);
  return env;
}

const launch = (env: NodeJS.ProcessEnv, name: string, project?: string) =>
  runCommand(runLaunchCommand, ['ubuntu-24-04', name], env, { demo: true, ...(project ? { project } : {}) });

describe("the lab's caps and budgets in the team store, at launch", () => {
  it('a per-user cap and a lab cap refuse the launch past them (exit 3); a stop gives the lease back', async () => {
    const env = await adminOnDemo();
    expect((await runCommand(runTeamCommand, ['cap', 'per-user', '1'], env)).stdout).toContain(
      'at most 1 running workstation for every user',
    );
    expect((await launch(env, 'one')).code).toBe(0);
    const second = await launch(env, 'two');
    expect(second.code).toBe(3);
    expect(second.stderr).toMatch(
      /The lab denies this launch: 1 running workstation is the most alice may have \(team cap per-user\)/,
    );
    await runCommand(runTeamCommand, ['cap', 'per-user', 'none'], env);
    await runCommand(runTeamCommand, ['cap', 'lab', '2'], env);
    expect((await launch(env, 'two')).code).toBe(0);
    const third = await launch(env, 'three');
    expect(third.code).toBe(3);
    expect(third.stderr).toMatch(/2 running workstations are the most the lab may have \(team cap lab\)/);
    expect((await runCommand(lifecycleCommand('stop'), ['one'], env, { demo: true })).code).toBe(0);
    expect((await launch(env, 'three')).code).toBe(0);
    // Starting the stopped one again needs a lease under the lab's cap too.
    await expect(runCommand(lifecycleCommand('start'), ['one'], env, { demo: true })).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringMatching(/the most the lab may have \(team cap lab\)/),
    });
    const status = JSON.parse((await runCommand(runTeamCommand, ['status'], env, { json: true })).stdout);
    expect(status.caps).toEqual([{ scope: 'LAB', max_running: 2 }]);
    await expect(runCommand(runTeamCommand, ['cap', 'lab', '-1'], env)).rejects.toMatchObject({
      exitCode: 2,
    });
  }, 60_000);

  it("a user's and a project's spent budget refuse the launch, naming the budget, spend and limit", async () => {
    const env = await adminOnDemo();
    expect((await launch(env, 'first', 'genomics')).code).toBe(0);
    // A budget a running workstation passes within milliseconds.
    await runCommand(runTeamCommand, ['budget', 'project:genomics', '0.000000001'], env);
    const refused = await launch(env, 'second', 'genomics');
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(
      /the project:genomics budget is spent: \$\d+\.\d\d this month of its \$0\.00 limit/,
    );
    expect(refused.stderr).toContain('cws-tui team budget project:genomics <USD>');
    // Another project is not held back by it; the user's own budget is.
    expect((await launch(env, 'other', 'physics')).code).toBe(0);
    await runCommand(runTeamCommand, ['budget', 'user:alice', '0.000000001'], env);
    const mine = await launch(env, 'third', 'physics');
    expect(mine.code).toBe(3);
    expect(mine.stderr).toMatch(/the user:alice budget is spent/);
    const json = await runCommand(runLaunchCommand, ['ubuntu-24-04', 'fourth'], env, {
      demo: true,
      json: true,
    });
    expect(JSON.parse(json.stdout)).toMatchObject({
      allowed: false,
      refused: expect.stringMatching(/user:alice/),
    });
  }, 60_000);
});
