import { describe, expect, it } from 'vitest';
import { describeFailure } from '../../source/commands/describeFailure.js';
import { runLaunchCommand } from '../../source/commands/launchCommand.js';
import { lifecycleCommand } from '../../source/commands/lifecycleCommand.js';
import { runProfilesCommand } from '../../source/commands/profilesCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

describe("lifecycle actions on another research user's workstation", () => {
  it('are refused for a member with who owns it (exit 3), and allowed for an admin profile', async () => {
    const alice = testEnvironment();
    expect((await runCommand(runLaunchCommand, ['python-ml', 'thesis'], alice, { size: 'S' })).code).toBe(0);
    const bob = { ...alice, USER: 'bob' };
    const error = await runCommand(lifecycleCommand('stop'), ['thesis'], bob, { yes: true }).catch(
      (e: unknown) => e,
    );
    const failure = describeFailure(error);
    expect(failure.exitCode).toBe(3);
    expect(failure.text).toBe(
      'thesis belongs to the research user alice, not bob: only an admin profile may stop it\n  Ask alice to stop it, or use a profile with the admin role.',
    );
    await runCommand(runProfilesCommand, ['create', 'lab-admin'], bob, {
      awsProfile: 'lab',
      region: 'us-east-1',
      admin: true,
    });
    const stopped = await runCommand(lifecycleCommand('stop'), ['thesis'], bob, {
      demo: true,
      profile: 'lab-admin',
    });
    expect(stopped.stdout).toBe('thesis is stopped\n');
  });
});
