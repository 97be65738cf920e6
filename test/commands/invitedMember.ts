import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { CliError } from '../../source/commands/CliError.js';
import type { CommandRun } from '../../source/commands/Command.js';
import type { CommandFlags } from '../../source/commands/CommandFlags.js';
import { runInviteCommand } from '../../source/commands/inviteCommand.js';
import { runProfilesCommand } from '../../source/commands/profilesCommand.js';
import { type CommandOutcome, runCommand, testEnvironment } from './commandHarness.js';

/** Runs a command as the CLI would report it: a CliError becomes its exit code and message. */
export async function run(
  command: CommandRun,
  args: string[],
  env: NodeJS.ProcessEnv,
  flags: Partial<CommandFlags> = {},
): Promise<CommandOutcome> {
  try {
    return await runCommand(command, args, env, flags);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    return { code: error.exitCode, stdout: '', stderr: error.message };
  }
}

export const SMALL_POLICY = 'instance_types:\n  allow: ["t3.*"]\nmax_hourly_cost: 0.20\n';

/** An admin installation and a member who accepted its invitation (t3.* at most $0.20/h). */
export async function invitedMember(options: { canInvite?: boolean } = {}) {
  const admin = testEnvironment();
  await runCommand(runProfilesCommand, ['create', 'ops'], admin, {
    awsProfile: 'lab',
    region: 'us-east-1',
    admin: true,
  });
  const policyPath = join(admin.HOME ?? '', 'small.yaml');
  await writeFile(policyPath, SMALL_POLICY);
  const created = await runCommand(runInviteCommand, ['create', 'lab'], admin, {
    json: true,
    user: 'alice',
    policy: policyPath,
    budget: 100,
    canInvite: options.canInvite ?? false,
  });
  const { token, issuer_fingerprint } = JSON.parse(created.stdout) as {
    token: string;
    issuer_fingerprint: string;
  };
  const member = testEnvironment();
  const accepted = await runCommand(runInviteCommand, ['accept', token], member);
  expect(accepted.code).toBe(0);
  return { admin, member, token, rootFingerprint: issuer_fingerprint, accepted };
}

export async function editConfig(env: NodeJS.ProcessEnv, change: (profile: Record<string, unknown>) => void) {
  const path = join(env.CWS_CONFIG_DIR ?? '', 'config.json');
  const data = JSON.parse(await readFile(path, 'utf8')) as {
    profiles: Record<string, Record<string, unknown>>;
  };
  const profile = data.profiles.lab;
  if (!profile) throw new Error('no profile lab');
  change(profile);
  await writeFile(path, JSON.stringify(data));
}
