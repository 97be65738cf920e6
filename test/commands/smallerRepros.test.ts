import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../source/commands/CliError.js';
import { findNegativeValue } from '../../source/commands/findNegativeValue.js';
import { cliFlags } from '../../source/commands/flags.js';
import { parseExpiry, runInviteCommand } from '../../source/commands/inviteCommand.js';
import { runLaunchCommand } from '../../source/commands/launchCommand.js';
import { runProfilesCommand } from '../../source/commands/profilesCommand.js';
import { runUserdataCommand } from '../../source/commands/userdataCommand.js';
import { decodeInvitationToken } from '../../source/core/identity/invitationToken.js';
import { runCommand, testEnvironment } from './commandHarness.js';

const NOW = new Date('2026-11-20T12:00:00.000Z');

function usageMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    return (error as CliError).message;
  }
  throw new Error('expected a usage error');
}

describe('smaller repros (12)', () => {
  it('--expires refuses a huge, a past or a negative expiry with a usage error', () => {
    expect(usageMessage(() => parseExpiry('99999999999d', NOW))).toContain('--expires is at most 366 days');
    expect(usageMessage(() => parseExpiry('400d', NOW))).toContain('at most 366 days');
    expect(usageMessage(() => parseExpiry('2020-01-01', NOW))).toContain('must be in the future');
    expect(usageMessage(() => parseExpiry('0d', NOW))).toContain('must be in the future');
    expect(parseExpiry('7d', NOW).toISOString()).toBe('2026-11-27T12:00:00.000Z');
    expect(findNegativeValue(['invite', 'create', 'x', '--expires', '-1d'], cliFlags)).toContain(
      '--expires -1d: a negative value is not allowed',
    );
    expect(findNegativeValue(['launch', 'a', 'b', '--spot', '-x'], cliFlags)).toBeUndefined();
    expect(findNegativeValue(['invite', 'create', 'x', '--expires', '7d'], cliFlags)).toBeUndefined();
  });

  it('a token wrapped over lines is read as one; a huge paste is refused before it is parsed', async () => {
    const admin = testEnvironment();
    await runCommand(runProfilesCommand, ['create', 'ops'], admin, {
      awsProfile: 'lab',
      region: 'us-east-1',
      admin: true,
    });
    const { token } = JSON.parse(
      (await runCommand(runInviteCommand, ['create', 'lab'], admin, { json: true, user: 'alice' })).stdout,
    ) as { token: string };
    const wrapped = token.replace(/(.{60})/g, '$1\n');
    expect(decodeInvitationToken(wrapped, new Date()).profile.name).toBe('lab');
    expect(() => decodeInvitationToken('a'.repeat(1_000_000), new Date())).toThrow(
      'it is 1000000 characters, and an invitation is at most 65536',
    );
  });

  it('a template that fails the schema says why from userdata and launch, not "no template"', async () => {
    const env = testEnvironment();
    const dir = join(env.CWS_CONFIG_DIR ?? '', 'templates');
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, 'broken.yml'),
      'name: Broken\nslug: broken\ndescription: x\nbase: ubuntu-24.04\ninherits: 5\n',
    );
    for (const [command, args, flags] of [
      [runUserdataCommand, [], { template: 'broken' }],
      [runLaunchCommand, ['broken', 'b'], {}],
    ] as const) {
      let message = '';
      try {
        const outcome = await runCommand(command, [...args], env, { demo: true, ...flags });
        message = outcome.stderr;
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).not.toContain("no template 'broken'");
      expect(message).toMatch(/broken\.yml.*inherits/s);
    }
  });
});
