import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLaunchCommand } from '../../source/commands/launchCommand.js';
import { lifecycleCommand } from '../../source/commands/lifecycleCommand.js';
import { runProfilesCommand } from '../../source/commands/profilesCommand.js';
import { runResizeCommand } from '../../source/commands/resizeCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

async function stoppedBox(flags: Record<string, unknown> = {}): Promise<NodeJS.ProcessEnv> {
  const env = testEnvironment();
  await runCommand(runLaunchCommand, ['ubuntu-24-04', 'box'], env, flags);
  await runCommand(lifecycleCommand('stop'), ['box'], env, flags);
  return env;
}

describe('cws-tui resize on the demo account', () => {
  it('changes the type of a stopped workstation, priced before and after, audited, and starts it with --start', async () => {
    const env = await stoppedBox();
    const result = await runCommand(runResizeCommand, ['box'], env, {
      type: 'm7i.xlarge',
      yes: true,
      start: '',
      json: true,
    });
    const plan = JSON.parse(result.stdout) as {
      from: string;
      to: string;
      before: { hourly: number };
      after: { hourly: number };
      started: boolean;
    };
    expect(plan).toMatchObject({ from: 't3.medium', to: 'm7i.xlarge', started: true });
    expect(plan.after.hourly).toBeGreaterThan(plan.before.hourly);
    const audit = readFileSync(join(env.CWS_STATE_DIR ?? '', 'audit.jsonl'), 'utf8');
    expect(audit).toMatch(/"action":"resize".*"from":"t3.medium","to":"m7i.xlarge"/);
  });

  it('resizes to a template size with --size and prints the prices', async () => {
    const env = await stoppedBox();
    const result = await runCommand(runResizeCommand, ['box'], env, { size: 'L', yes: true });
    expect(result.stderr).toMatch(
      /^t3\.medium -> \S+: \$\d+\.\d{4}\/h -> \$\d+\.\d{4}\/h, \$[\d.,]+\/month -> \$[\d.,]+\/month\n$/,
    );
    expect(result.stdout).toMatch(/^box is now \S+ \(start it with cws-tui start box\)\n$/);
  });

  it('refuses a running workstation, another architecture, and asks for --yes', async () => {
    const env = testEnvironment();
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'box'], env);
    await expect(
      runCommand(runResizeCommand, ['box'], env, { type: 'm7i.xlarge', yes: true }),
    ).rejects.toThrow(/box is running: resize a stopped workstation/);
    await runCommand(lifecycleCommand('stop'), ['box'], env);
    await expect(
      runCommand(runResizeCommand, ['box'], env, { type: 'm7g.large', yes: true }),
    ).rejects.toThrow(/m7g.large is arm64 but box's image is x86_64: it would not boot/);
    await expect(runCommand(runResizeCommand, ['box'], env, { type: 'm7i.xlarge' })).rejects.toThrow(/--yes/);
  });

  it('refuses a hibernated workstation with what to do instead', async () => {
    const env = testEnvironment();
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'box'], env, { hibernation: true, rootVolume: 40 });
    await runCommand(lifecycleCommand('hibernate'), ['box'], env);
    await expect(
      runCommand(runResizeCommand, ['box'], env, { type: 'm7i.xlarge', yes: true }),
    ).rejects.toThrow(/box is hibernated: EC2 cannot change the type of a hibernated instance/);
  });

  it('is denied by the policy with exit code 3 and a suggestion', async () => {
    const env = testEnvironment();
    const policy = join(env.HOME ?? '', 'policy.yaml');
    writeFileSync(policy, 'instance_types:\n  allow: ["t3.*", "m7i.large"]\n');
    await runCommand(runProfilesCommand, ['create', 'lab'], env, {
      awsProfile: 'lab',
      region: 'us-east-1',
      policy,
    });
    const flags = { demo: true };
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'box'], env, flags);
    await runCommand(lifecycleCommand('stop'), ['box'], env, flags);
    await expect(
      runCommand(runResizeCommand, ['box'], env, { ...flags, type: 'm7i.2xlarge', yes: true }),
    ).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringMatching(/the policy does not allow m7i.2xlarge for box/),
    });
  });
});
