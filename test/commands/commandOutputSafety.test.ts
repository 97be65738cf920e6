import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../source/commands/CliError.js';
import type { CommandRun } from '../../source/commands/Command.js';
import type { CommandFlags } from '../../source/commands/CommandFlags.js';
import { runConnectCommand } from '../../source/commands/connectCommand.js';
import { runLaunchCommand } from '../../source/commands/launchCommand.js';
import { lifecycleCommand } from '../../source/commands/lifecycleCommand.js';
import { runListCommand } from '../../source/commands/listCommand.js';
import { runPolicyCommand } from '../../source/commands/policyCommand.js';
import { runProfilesCommand } from '../../source/commands/profilesCommand.js';
import { runUsersCommand } from '../../source/commands/usersCommand.js';
import { sanitizeCommandOutput } from '../../source/core/text/sanitizeCommandOutput.js';
import { hostileText, UNSAFE_IN_OUTPUT } from '../core/text/hostileText.js';
import { runCommand, testEnvironment } from './commandHarness.js';

/** Every output a command gives, its error message included, as the CLI would print it. */
async function outputOf(
  command: CommandRun,
  args: string[],
  env: NodeJS.ProcessEnv,
  flags: Partial<CommandFlags> = {},
): Promise<string> {
  try {
    const outcome = await runCommand(command, args, env, flags);
    return outcome.stdout + outcome.stderr;
  } catch (error) {
    // cli.tsx prints a failure through the same filter.
    return sanitizeCommandOutput(`cws-tui: ${error instanceof CliError ? error.message : String(error)}\n`);
  }
}

async function rewriteJson<T>(path: string, change: (data: T) => void): Promise<void> {
  const data = JSON.parse(await readFile(path, 'utf8')) as T;
  change(data);
  await writeFile(path, JSON.stringify(data));
}

describe('every command text output is safe from AWS- and user-supplied fields', () => {
  const payloads = fc.sample(hostileText, { numRuns: 4, seed: 7 });

  it.each(payloads.map((payload, index) => [index, payload] as const))(
    'payload %i in tags, a user and a profile never reaches the terminal raw',
    async (_index, payload) => {
      const env = testEnvironment();
      await runCommand(runUsersCommand, ['create', 'alice'], env, { fullName: 'Alice Doe' });
      await runCommand(runLaunchCommand, ['ubuntu-24-04', 'box'], env, { demo: true });
      await runCommand(runProfilesCommand, ['create', 'lab'], env, {
        awsProfile: 'lab',
        region: 'us-east-1',
      });
      const statePath = join(env.CWS_STATE_DIR ?? '', 'demo-account.json');
      let id = '';
      await rewriteJson<{ instances: { id: string; tags: Record<string, string> }[] }>(statePath, (data) => {
        const instance = data.instances[0];
        if (!instance) throw new Error('no instance');
        id = instance.id;
        instance.tags.Name = `box${payload}`;
        instance.tags['cws:research-user'] = `alice${payload}`;
        instance.tags['cws:project'] = payload;
      });
      // Research users live in the local team store: its USER items.
      type Users = { items: Record<string, { pk: string; full_name?: string; email?: string }> };
      await rewriteJson<Users>(join(env.CWS_CONFIG_DIR ?? '', 'team-store.json'), (data) => {
        const users = Object.values(data.items).filter((item) => item.pk === 'USER');
        expect(users.length).toBeGreaterThan(0);
        for (const user of users) {
          user.full_name = payload;
          user.email = `${payload}@example.org`;
        }
      });
      type Config = { profiles: Record<string, { aws_profile: string }> };
      await rewriteJson<Config>(join(env.CWS_CONFIG_DIR ?? '', 'config.json'), (data) => {
        const lab = data.profiles.lab;
        if (lab) lab.aws_profile = `lab${payload}`;
      });
      const outputs = [
        await outputOf(runListCommand, [], env, { demo: true }),
        await outputOf(lifecycleCommand('stop'), [id], env, { demo: true }),
        await outputOf(lifecycleCommand('start'), [id], env, { demo: true }),
        await outputOf(runConnectCommand, [id], env, { demo: true, print: true }),
        await outputOf(runUsersCommand, ['show', 'alice'], env),
        await outputOf(runUsersCommand, ['list'], env),
        await outputOf(runProfilesCommand, ['current'], env),
        await outputOf(runProfilesCommand, ['list'], env),
        await outputOf(runPolicyCommand, ['show'], env),
        await outputOf(lifecycleCommand('stop'), [`nope${payload}`], env, { demo: true }),
        await outputOf(runLaunchCommand, ['ubuntu-24-04', 'x'], env, { demo: true, project: payload }),
      ];
      for (const output of outputs) expect(output).not.toMatch(UNSAFE_IN_OUTPUT);
    },
  );
});
