import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runProfilesCommand } from '../../source/commands/profilesCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

/** A profile `lab` with this policy (in `env`, else a fresh test environment), made current. */
export async function labProfile(
  policy: string,
  options: { admin?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<NodeJS.ProcessEnv> {
  const env = options.env ?? testEnvironment();
  const path = join(env.HOME ?? '', 'policy.yaml');
  await writeFile(path, policy);
  const created = await runCommand(runProfilesCommand, ['create', 'lab'], env, {
    awsProfile: 'lab',
    region: 'us-east-1',
    policy: path,
    ...(options.admin ? { admin: true } : {}),
  });
  expect(created.code).toBe(0);
  return env;
}
