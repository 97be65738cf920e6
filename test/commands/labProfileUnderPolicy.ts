import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runProfilesCommand } from '../../source/commands/profilesCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

/** A fresh test environment whose profile `lab` (us-east-1, on the demo account) runs under this policy. */
export async function labProfileUnderPolicy(policy: Record<string, unknown>): Promise<NodeJS.ProcessEnv> {
  const env = testEnvironment();
  const path = join(env.HOME ?? '', 'policy.json');
  writeFileSync(path, JSON.stringify(policy));
  await runCommand(runProfilesCommand, ['create', 'lab'], env, {
    awsProfile: 'lab',
    region: 'us-east-1',
    policy: path,
  });
  return env;
}
