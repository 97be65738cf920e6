import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGlobusCommandWith } from '../../source/commands/globusCommand.js';
import { runUsersCommand } from '../../source/commands/usersCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';
import { runWithGlobusTerminal } from './globusHarness.js';

describe('cws-tui globus on the demo account', () => {
  it('signs in with the simulated Globus, shows who without tokens, and signs out', async () => {
    const env = testEnvironment();
    const login = await runWithGlobusTerminal(runGlobusCommandWith, ['login'], env, { browser: false });
    expect(login.code).toBe(0);
    expect(login.stderr).toContain('Sign in with Globus at:\n  https://auth.globus.org/v2/oauth2/authorize?');
    expect(login.stderr).toContain('code_challenge_method=S256');
    expect(login.prompts).toEqual(['Paste the code Globus shows after you sign in: ']);
    expect(login.stdout).toContain(
      'signed in to Globus as ada@example.edu (Ada Lovelace) [simulated: demo account]',
    );
    const file = join(env.CWS_STATE_DIR ?? '', 'globus', 'session.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    const whoami = await runWithGlobusTerminal(runGlobusCommandWith, ['whoami'], env, { json: true });
    const shown = JSON.parse(whoami.stdout) as Record<string, unknown>;
    expect(shown).toMatchObject({
      identity: { username: 'ada@example.edu' },
      refreshable: true,
      simulated: true,
    });
    expect(whoami.stdout).not.toMatch(/demo-access-|demo-refresh-|access_token|refresh_token/);

    const logout = await runWithGlobusTerminal(runGlobusCommandWith, ['logout'], env);
    expect(logout.stdout).toContain('signed out of Globus: the tokens of ada@example.edu were revoked');
    await expect(stat(file)).rejects.toThrow();
    await expect(runWithGlobusTerminal(runGlobusCommandWith, ['whoami'], env)).rejects.toThrow(
      "not signed in to Globus: run 'cws-tui globus login'",
    );
  });

  it('refuses a wrong pasted code and stores nothing', async () => {
    const env = testEnvironment();
    await expect(
      runWithGlobusTerminal(runGlobusCommandWith, ['login'], env, { browser: false }, () => 'DEMO-00000000'),
    ).rejects.toThrow(/the code is not valid/);
    await expect(stat(join(env.CWS_STATE_DIR ?? '', 'globus', 'session.json'))).rejects.toThrow();
  });

  it('links the signed-in identity to a research user, and refuses without a sign-in', async () => {
    const env = testEnvironment();
    await runCommand(runUsersCommand, ['create', 'ada'], env);
    await expect(runCommand(runUsersCommand, ['link-globus', 'ada'], env)).rejects.toThrow(
      "not signed in to Globus: run 'cws-tui globus login' first",
    );
    await runWithGlobusTerminal(runGlobusCommandWith, ['login'], env, { browser: false });
    const linked = await runCommand(runUsersCommand, ['link-globus', 'ada'], env);
    expect(linked.stdout).toContain(
      "linked the Globus identity ada@example.edu (b7c3f1de-5a2e-4c8f-9d41-0e6a2f3b9c11) to research user 'ada'",
    );
    const shown = JSON.parse(
      (await runCommand(runUsersCommand, ['show', 'ada'], env, { json: true })).stdout,
    );
    expect(shown.globus).toMatchObject({
      sub: 'b7c3f1de-5a2e-4c8f-9d41-0e6a2f3b9c11',
      username: 'ada@example.edu',
      institution: 'Example University',
    });
    await expect(runCommand(runUsersCommand, ['link-globus', 'nobody'], env)).rejects.toThrow(
      "no research user named 'nobody'",
    );
  });

  it('names a usage error', async () => {
    const env = testEnvironment();
    await expect(runWithGlobusTerminal(runGlobusCommandWith, ['sign'], env)).rejects.toThrow(
      "unknown globus subcommand 'sign'",
    );
  });
});
