import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCostCommand } from '../../source/commands/costCommand.js';
import { runProfilesCommand } from '../../source/commands/profilesCommand.js';
import { runTeamCommand } from '../../source/commands/teamCommand.js';
import { runUsersCommand } from '../../source/commands/usersCommand.js';
import { type DynaliteServer, startDynalite } from '../aws/dynamodb/dynaliteServer.js';
import { runCommand, testEnvironment } from './commandHarness.js';

let server: DynaliteServer;
beforeAll(async () => {
  server = await startDynalite();
  process.env.AWS_ACCESS_KEY_ID = 'test';
  process.env.AWS_SECRET_ACCESS_KEY = 'test';
});
afterAll(async () => {
  await server.close();
});

const onTable = (env: NodeJS.ProcessEnv, table: string): NodeJS.ProcessEnv => ({
  ...env,
  CWS_TEAM_STORE: `dynamodb:${table}`,
  AWS_ENDPOINT_URL_DYNAMODB: server.endpoint,
  AWS_REGION: 'us-east-1',
});

async function createdTable(): Promise<string> {
  const table = `team-${randomUUID().slice(0, 8)}`;
  const env = { ...testEnvironment(), AWS_ENDPOINT_URL_DYNAMODB: server.endpoint, AWS_REGION: 'us-east-1' };
  const created = await runCommand(runTeamCommand, ['init', table], env, { yes: true });
  expect(created.code).toBe(0);
  return table;
}

describe('cws-tui team', () => {
  it('init shows what it creates and what it costs, and creates only with --yes', async () => {
    const table = `team-${randomUUID().slice(0, 8)}`;
    const env = { ...testEnvironment(), AWS_ENDPOINT_URL_DYNAMODB: server.endpoint, AWS_REGION: 'us-east-1' };
    const plan = await runCommand(runTeamCommand, ['init', table], env);
    expect(plan.stdout).toContain('on-demand billing');
    expect(plan.stdout).toContain('deletion protection');
    expect(plan.stdout).toMatch(/: \d+\.\d cents a month on demand/);
    expect(plan.stdout).toContain('nothing was created');
    await expect(runCommand(runTeamCommand, ['status'], onTable(env, table))).rejects.toThrow(
      `the team store table ${table} does not exist: create it with 'cws-tui team init'`,
    );
    const created = await runCommand(runTeamCommand, ['init', table], env, { yes: true });
    expect(created.stdout).toContain(`created ${table}`);
    // dynalite has no point-in-time recovery: said, not hidden.
    expect(created.stderr).toContain('point-in-time recovery could not be enabled');
    const status = JSON.parse(
      (await runCommand(runTeamCommand, ['status'], onTable(env, table), { json: true })).stdout,
    );
    expect(status).toMatchObject({
      table: { table, status: 'ACTIVE', billing: 'PAY_PER_REQUEST' },
      counts: { users: 0 },
    });
    await expect(runCommand(runTeamCommand, ['init', table], env, { yes: true })).rejects.toThrow(
      `a table named ${table} already exists; it was left untouched`,
    );
  }, 60_000);

  it("migrate brings this machine's users in with their UIDs, and writes nothing on a conflict", async () => {
    const table = await createdTable();
    const first = testEnvironment();
    await runCommand(runUsersCommand, ['create', 'alice'], first, { demo: true });
    await runCommand(runUsersCommand, ['create', 'bob'], first, { demo: true });
    const dry = await runCommand(runTeamCommand, ['migrate'], onTable(first, table));
    expect(dry.stdout).toContain('2 users, 0 invitations, 0 budgets to import');
    expect(dry.stdout).toContain('nothing was written');
    const done = await runCommand(runTeamCommand, ['migrate'], onTable(first, table), { yes: true });
    expect(done.stdout).toContain('every UID kept');
    const listed = JSON.parse(
      (await runCommand(runUsersCommand, ['list'], onTable(first, table), { json: true })).stdout,
    );
    expect(listed.map((user: { username: string; uid: number }) => [user.username, user.uid])).toEqual([
      ['alice', 5000],
      ['bob', 5001],
    ]);
    const next = await runCommand(runUsersCommand, ['create', 'carol'], onTable(first, table), {
      demo: true,
      json: true,
    });
    expect(JSON.parse(next.stdout).uid).toBe(5002);

    const second = testEnvironment();
    await runCommand(runUsersCommand, ['create', 'dave'], second, { demo: true });
    const conflict = await runCommand(runTeamCommand, ['migrate'], onTable(second, table), { yes: true });
    expect(conflict.code).toBe(1);
    expect(conflict.stderr).toContain("UID 5000 is dave's here and alice's in the store");
    expect(conflict.stderr).toContain('nothing was written');
  }, 60_000);

  it("sets the lab's budget in the store, and every member's cost report compares with it", async () => {
    const table = await createdTable();
    const admin = onTable(testEnvironment(), table);
    await runCommand(runProfilesCommand, ['create', 'ops'], admin, {
      awsProfile: 'lab',
      region: 'us-east-1',
      admin: true,
    });
    const set = await runCommand(runTeamCommand, ['budget', 'lab', '250'], admin);
    expect(set.stdout).toContain('the lab budget is $250.00 a month');
    await expect(runCommand(runTeamCommand, ['budget', 'galaxy', '5'], admin)).rejects.toMatchObject({
      exitCode: 2,
    });
    const member = onTable(testEnvironment(), table);
    const cost = JSON.parse(
      (await runCommand(runCostCommand, [], member, { demo: true, json: true })).stdout,
    );
    expect(cost.budget.monthly_limit).toBe(250);
    await runCommand(runProfilesCommand, ['create', 'mine'], member, {
      awsProfile: 'lab',
      region: 'us-east-1',
    });
    await expect(runCommand(runTeamCommand, ['budget', 'lab', '9000'], member)).rejects.toMatchObject({
      exitCode: 3,
    });
    const status = JSON.parse((await runCommand(runTeamCommand, ['status'], member, { json: true })).stdout);
    expect(status.budgets).toMatchObject([{ scope: 'LAB', budget: { monthly_limit: 250 } }]);
  }, 60_000);

  it('profiles name their store, and a bad table name or CWS_TEAM_STORE is a usage error', async () => {
    const env = testEnvironment();
    const created = await runCommand(runProfilesCommand, ['create', 'lab'], env, {
      awsProfile: 'lab',
      region: 'us-east-1',
      teamStore: 'lab-team',
    });
    expect(created.code).toBe(0);
    expect((await runCommand(runProfilesCommand, ['current'], env)).stdout).toContain(
      'team store:     DynamoDB table lab-team',
    );
    await expect(
      runCommand(runProfilesCommand, ['create', 'bad'], env, {
        awsProfile: 'x',
        region: 'us-east-1',
        teamStore: 'no/slash',
      }),
    ).rejects.toMatchObject({ exitCode: 2 });
    await expect(
      runCommand(runUsersCommand, ['list'], { ...env, CWS_TEAM_STORE: 'postgres:x' }),
    ).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining("CWS_TEAM_STORE must be 'dynamodb:<table>'"),
    });
  }, 60_000);
});
