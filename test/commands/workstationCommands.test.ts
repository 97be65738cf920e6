import { describe, expect, it } from 'vitest';
import { runCostCommand } from '../../source/commands/costCommand.js';
import { runLaunchCommand } from '../../source/commands/launchCommand.js';
import { lifecycleCommand } from '../../source/commands/lifecycleCommand.js';
import { runListCommand } from '../../source/commands/listCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

describe('workstation commands on the demo account', () => {
  it('launch, list, stop, start, terminate: each returns once the state is reached', async () => {
    const env = testEnvironment();
    const launched = await runCommand(runLaunchCommand, ['python-ml', 'thesis'], env, { size: 'S' });
    expect(launched.code).toBe(0);
    expect(launched.stdout).toMatch(/^thesis \(i-0[0-9a-f]{16}\) is running in us-east-1: \$\d+\.\d{4}\/h/);
    expect(launched.stderr).toContain('✓ Check policy');
    expect(launched.stderr).toContain('✓ Wait until running');

    const listed = await runCommand(runListCommand, [], env, { json: true });
    const rows = JSON.parse(listed.stdout) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      name: 'thesis',
      kind: 'ec2',
      template: 'python-ml',
      state: 'running',
      region: 'us-east-1',
      research_user: 'alice',
    });
    expect(rows[0]?.id).toMatch(/^i-/);
    expect(typeof rows[0]?.hourly_cost).toBe('number');
    expect(Date.parse(String(rows[0]?.launched_at))).not.toBeNaN();

    expect((await runCommand(lifecycleCommand('stop'), ['thesis'], env)).stdout).toBe('thesis is stopped\n');
    expect((await runCommand(lifecycleCommand('start'), ['thesis'], env)).stdout).toBe('thesis is running\n');
    const terminated = await runCommand(lifecycleCommand('terminate'), ['thesis'], env, {
      yes: true,
      json: true,
    });
    expect(JSON.parse(terminated.stdout)).toMatchObject({ name: 'thesis', state: 'terminated' });
  });

  it('tags the project where list and the policy (required_tags) find it', async () => {
    const env = testEnvironment();
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'tagged'], env, {
      project: 'genomics',
      tag: ['grant=NSF-1'],
    });
    const rows = JSON.parse((await runCommand(runListCommand, [], env, { json: true })).stdout) as unknown[];
    expect(rows[0]).toMatchObject({ name: 'tagged', project: 'genomics' });
  });

  it('refuses --size and --type together', async () => {
    const env = testEnvironment();
    await expect(
      runCommand(runLaunchCommand, ['python-ml', 'x'], env, { size: 'S', type: 'm7i.large' }),
    ).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/either --size or --type/) });
  });

  it('hibernates a workstation launched with hibernation', async () => {
    const env = testEnvironment();
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'sleepy'], env, {
      type: 'm7i.large',
      hibernation: true,
      rootVolume: 30,
    });
    const hibernated = await runCommand(lifecycleCommand('hibernate'), ['sleepy'], env);
    expect(hibernated.stdout).toBe('sleepy is hibernated\n');
  });

  it('refuses to terminate without --yes when not in a terminal', async () => {
    const env = testEnvironment();
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'keep'], env);
    await expect(runCommand(lifecycleCommand('terminate'), ['keep'], env)).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/add --yes/),
    });
  });

  it('names the workstations there are when a name is unknown', async () => {
    const env = testEnvironment();
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'one'], env);
    await expect(runCommand(lifecycleCommand('stop'), ['two'], env)).rejects.toThrow(
      /no workstation named 'two' \(workstations: one\)/,
    );
  });

  it('exits 3 with the violations when the policy denies, as JSON too', async () => {
    const env = testEnvironment();
    const { ConfigStore } = await import('../../source/core/config/ConfigStore.js');
    const config = ConfigStore.open(String(env.CWS_CONFIG_DIR));
    config.addProfile({
      name: 'lab',
      aws_profile: 'lab',
      region: 'us-east-1',
      policy: { instance_types: { allow: ['t3.*'] } },
      policy_chain: [],
      kind: 'personal',
      role: 'member',
      can_invite: false,
      created_at: '2026-11-01T00:00:00Z',
    });
    const denied = await runCommand(
      runLaunchCommand,
      ['python-ml', 'big'],
      { ...env },
      { demo: true, size: 'L' },
    );
    expect(denied.code).toBe(3);
    expect(denied.stderr).toMatch(/The policy denies this launch:\n {2}- /);
    const json = await runCommand(runLaunchCommand, ['python-ml', 'big'], env, {
      demo: true,
      size: 'L',
      json: true,
    });
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stdout)).toMatchObject({
      allowed: false,
      violations: [{ rule: 'instance_types.allow' }],
    });
  });

  it('launches a managed web service through the same command', async () => {
    const env = testEnvironment();
    const launched = await runCommand(runLaunchCommand, ['sagemaker-studio', 'notebooks'], env, {
      json: true,
    });
    expect(launched.code).toBe(0);
    const result = JSON.parse(launched.stdout) as { service: Record<string, unknown>; hourly_cost: number };
    expect(result.service).toMatchObject({ name: 'notebooks', kind: 'sagemaker-studio' });
    expect(result.hourly_cost).toBeGreaterThan(0);
    const listed = JSON.parse(
      (await runCommand(runListCommand, [], env, { json: true })).stdout,
    ) as unknown[];
    expect(listed).toContainEqual(expect.objectContaining({ name: 'notebooks', kind: 'sagemaker-studio' }));
    const cost = JSON.parse((await runCommand(runCostCommand, [], env, { json: true })).stdout) as {
      burn_rate_per_hour: number;
      items: Array<{ name: string; instance_type?: string }>;
    };
    expect(cost.items).toContainEqual(
      expect.objectContaining({ name: 'notebooks', instance_type: expect.stringMatching(/^ml\./) }),
    );
    expect(cost.burn_rate_per_hour).toBeGreaterThan(0);
  });

  it('explains a usage mistake', async () => {
    const env = testEnvironment();
    await expect(runCommand(runLaunchCommand, ['python-ml'], env)).rejects.toMatchObject({ exitCode: 2 });
    await expect(runCommand(runLaunchCommand, ['python-ml', 'x'], env, { tag: ['nokey'] })).rejects.toThrow(
      /--tag takes key=value/,
    );
  });
});
