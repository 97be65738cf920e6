import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInviteCommand } from '../../source/commands/inviteCommand.js';
import { runLaunchCommand } from '../../source/commands/launchCommand.js';
import { runProfilesCommand } from '../../source/commands/profilesCommand.js';
import { runUsersCommand } from '../../source/commands/usersCommand.js';
import { listTeamAudit } from '../../source/core/team/appendTeamAudit.js';
import { createTestTeamStore, type DynaliteServer, startDynalite } from '../aws/dynamodb/dynaliteServer.js';
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

/** One person's machine: its own config and state, the lab's table shared. */
function machine(table: string, user: string): NodeJS.ProcessEnv {
  return {
    ...testEnvironment(),
    USER: user,
    CWS_TEAM_STORE: `dynamodb:${table}`,
    AWS_ENDPOINT_URL_DYNAMODB: server.endpoint,
    AWS_REGION: 'us-east-1',
  };
}

describe('invitations in a shared team store (two machines, one table)', () => {
  it('records, lists, accepts once, shares the user and its UID, and revokes', async () => {
    const table = `invite-${randomUUID().slice(0, 8)}`;
    const store = await createTestTeamStore(server.endpoint, table);
    const admin = machine(table, 'root');
    await runCommand(runProfilesCommand, ['create', 'ops'], admin, {
      awsProfile: 'lab',
      region: 'us-east-1',
      admin: true,
    });
    const created = JSON.parse(
      (await runCommand(runInviteCommand, ['create', 'lab'], admin, { json: true, user: 'carol' })).stdout,
    ) as { token: string; id: string; team_store: string };
    expect(created.team_store).toBe(table);

    const listed = JSON.parse((await runCommand(runInviteCommand, ['list'], admin, { json: true })).stdout);
    expect(listed).toMatchObject([
      { id: created.id, state: 'open', uses: 0, uses_allowed: 1, issuer: 'ops' },
    ]);

    const carol = machine(table, 'carol');
    const accepted = await runCommand(runInviteCommand, ['accept', created.token], carol, {
      json: true,
      teamStore: table,
    });
    expect(JSON.parse(accepted.stdout)).toMatchObject({
      research_user: 'carol',
      uid: 5000,
      user_created: true,
    });

    const dave = machine(table, 'dave');
    await expect(
      runCommand(runInviteCommand, ['accept', created.token], dave, { teamStore: table, user: 'dave' }),
    ).rejects.toThrow(/this invitation has been used \(1 of 1 use, by carol\)/);

    // The admin's machine sees the user created on carol's, with the same UID.
    const users = JSON.parse((await runCommand(runUsersCommand, ['list'], admin, { json: true })).stdout);
    expect(users).toMatchObject([{ username: 'carol', uid: 5000 }]);
    const mine = await runCommand(runUsersCommand, ['create', 'pi'], admin, { json: true, demo: true });
    // Another account (the demo account's, not the invitation's AWS profile): the next range.
    expect(JSON.parse(mine.stdout).uid).toBe(6000);

    const revoked = await runCommand(runInviteCommand, ['revoke', created.id], admin);
    expect(revoked.stdout).toContain(`revoked invitation ${created.id}`);
    expect(
      JSON.parse((await runCommand(runInviteCommand, ['list'], carol, { json: true })).stdout),
    ).toMatchObject([{ state: 'revoked', revoked_by: 'ops', accepted_by: ['carol'] }]);
    await expect(
      runCommand(runLaunchCommand, ['ubuntu-24-04', 'after'], carol, { demo: true }),
    ).rejects.toThrow(
      /the invitation .* this profile's chain comes from was revoked by ops: launches are refused/,
    );

    // Every member's events are in the lab's log, as well as in each machine's file.
    const month = new Date().toISOString().slice(0, 7);
    const audit = await listTeamAudit(store, month);
    expect(audit.map((item) => (item.event as { action: string }).action).sort()).toEqual([
      'invitation-accepted',
      'invitation-created',
      'invitation-revoked',
      'user-created',
    ]);
  }, 60_000);

  it('refuses to revoke for a member who did not issue it, and an unknown id', async () => {
    const table = `invite-${randomUUID().slice(0, 8)}`;
    await createTestTeamStore(server.endpoint, table);
    const admin = machine(table, 'root');
    await runCommand(runProfilesCommand, ['create', 'ops'], admin, {
      awsProfile: 'lab',
      region: 'us-east-1',
      admin: true,
    });
    await expect(runCommand(runInviteCommand, ['revoke', 'nope'], admin)).rejects.toThrow(
      `no invitation with id 'nope' in DynamoDB table ${table}`,
    );
    const created = JSON.parse(
      (await runCommand(runInviteCommand, ['create', 'lab'], admin, { json: true, user: 'erin' })).stdout,
    ) as { token: string; id: string };
    const member = machine(table, 'erin');
    await runCommand(runProfilesCommand, ['create', 'mine'], member, {
      awsProfile: 'lab',
      region: 'us-east-1',
    });
    await expect(runCommand(runInviteCommand, ['revoke', created.id], member)).rejects.toThrow(
      /only an admin profile or its issuer \(ops\) may revoke/,
    );
  }, 60_000);
});
