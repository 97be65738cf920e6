import { describe, expect, it } from 'vitest';
import { runGlobusCommandWith } from '../../source/commands/globusCommand.js';
import { runInviteCommand, runInviteCommandWith } from '../../source/commands/inviteCommand.js';
import { runProfilesCommand } from '../../source/commands/profilesCommand.js';
import { runUsersCommand } from '../../source/commands/usersCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';
import { readAuditEvents } from './globusAudit.js';
import { runWithGlobusTerminal } from './globusHarness.js';

const ADA_SUB = 'b7c3f1de-5a2e-4c8f-9d41-0e6a2f3b9c11';

async function invitation(
  flags: Record<string, unknown>,
): Promise<{ token: string; require_globus: unknown }> {
  const admin = testEnvironment();
  await runCommand(runProfilesCommand, ['create', 'ops'], admin, {
    awsProfile: 'lab',
    region: 'us-east-1',
    admin: true,
  });
  const created = await runCommand(runInviteCommand, ['create', 'lab'], admin, {
    json: true,
    user: 'ada',
    ...flags,
  });
  return JSON.parse(created.stdout) as { token: string; require_globus: unknown };
}

describe('invitations that require a verified Globus identity, on the demo account', () => {
  it('signs in with the simulated Globus, links the identity and accepts the invitation with it', async () => {
    const { token, require_globus } = await invitation({ requireGlobus: true, idpDomain: 'Example.EDU' });
    expect(require_globus).toEqual({ idp_domain: 'example.edu' });

    const ada = testEnvironment();
    const login = await runWithGlobusTerminal(runGlobusCommandWith, ['login'], ada, { browser: false });
    expect(login.stdout).toContain('signed in to Globus as ada@example.edu');
    await runCommand(runUsersCommand, ['create', 'ada'], ada);
    await runCommand(runUsersCommand, ['link-globus', 'ada'], ada);

    const accepted = await runWithGlobusTerminal(runInviteCommandWith, ['accept', token], ada, {
      browser: false,
    });
    expect(accepted.stderr).toContain('This invitation requires a verified Globus identity.');
    expect(accepted.prompts).toHaveLength(1);
    expect(accepted.stdout).toContain("verified Globus identity ada@example.edu, linked to 'ada'");
    const profile = JSON.parse(
      (await runCommand(runProfilesCommand, ['current'], ada, { json: true })).stdout,
    );
    expect(profile.globus_identity).toMatchObject({ sub: ADA_SUB, username: 'ada@example.edu' });
    const user = JSON.parse((await runCommand(runUsersCommand, ['show', 'ada'], ada, { json: true })).stdout);
    expect(user.globus).toMatchObject({
      sub: ADA_SUB,
      username: 'ada@example.edu',
      institution: 'Example University',
    });
    const events = await readAuditEvents(ada);
    expect(events.find((event) => event.action === 'invitation-accepted')).toMatchObject({
      globus_identity: 'ada@example.edu',
      globus_sub: ADA_SUB,
    });
  });

  it('refuses an identity from a domain the invitation does not allow, and creates nothing', async () => {
    const { token } = await invitation({ requireGlobus: true, idpDomain: 'uni.edu' });
    const ada = testEnvironment();
    await expect(
      runWithGlobusTerminal(runInviteCommandWith, ['accept', token], ada, { browser: false }),
    ).rejects.toThrow(
      'the Globus identity ada@example.edu is not from uni.edu, which this invitation requires: sign in to Globus with your uni.edu identity',
    );
    expect((await runCommand(runProfilesCommand, ['list'], ada, { json: true })).stdout).not.toContain(
      '"lab"',
    );
    expect((await runCommand(runUsersCommand, ['list'], ada, { json: true })).stdout).toBe('[]\n');
  });

  it('refuses a sign-in whose pasted code is wrong, and creates nothing', async () => {
    const { token } = await invitation({ requireGlobus: true });
    const ada = testEnvironment();
    await expect(
      runWithGlobusTerminal(
        runInviteCommandWith,
        ['accept', token],
        ada,
        { browser: false },
        () => 'DEMO-BADC0DE0',
      ),
    ).rejects.toThrow(/the code is not valid/);
    expect((await runCommand(runUsersCommand, ['list'], ada, { json: true })).stdout).toBe('[]\n');
  });

  it('refuses --idp-domain without --require-globus and a domain that is not one', async () => {
    await expect(invitation({ idpDomain: 'uni.edu' })).rejects.toThrow(
      '--idp-domain limits --require-globus: give both',
    );
    await expect(invitation({ requireGlobus: true, idpDomain: 'not a domain' })).rejects.toThrow(
      "--idp-domain: 'not a domain' is not a domain name like uni.edu",
    );
  });
});
