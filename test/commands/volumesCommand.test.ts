import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLaunchCommand } from '../../source/commands/launchCommand.js';
import { lifecycleCommand } from '../../source/commands/lifecycleCommand.js';
import { runProfilesCommand } from '../../source/commands/profilesCommand.js';
import { runVolumesCommand } from '../../source/commands/volumesCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

interface ListedVolume {
  id: string;
  name: string;
  role: string;
  availability_zone: string;
  attached_to: string;
  monthly_usd?: number;
}

async function volumes(env: NodeJS.ProcessEnv): Promise<ListedVolume[]> {
  const listed = await runCommand(runVolumesCommand, ['list'], env, { json: true });
  return (JSON.parse(listed.stdout) as { volumes: ListedVolume[] }).volumes;
}

describe('cws-tui volumes on the demo account', () => {
  it('creates a volume next to a workstation, mounts it, lists it priced, detaches and deletes it', async () => {
    const env = testEnvironment();
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'box'], env);
    const created = await runCommand(runVolumesCommand, ['create', 'scratch'], env, {
      size: '100',
      to: 'box',
      yes: true,
    });
    expect(created.stdout).toMatch(
      /^Created vol-0[0-9a-f]+ \(scratch, 100 GB gp3\) in us-east-1[abc]\nAttached vol-\S+ to box as \/dev\/sdf, mounted at \/data\n$/,
    );
    const listed = await volumes(env);
    const data = listed.find((v) => v.name === 'scratch');
    expect(data).toMatchObject({ role: 'data', attached_to: 'box /dev/sdf' });
    expect(data?.monthly_usd).toBeCloseTo(8, 5);
    expect(listed.find((v) => v.role === 'root')?.attached_to).toBe('box /dev/sda1');

    await expect(runCommand(runVolumesCommand, ['delete', 'scratch'], env, { yes: true })).rejects.toThrow(
      /is attached to i-\S+\n {2}Detach it first/,
    );
    await runCommand(runVolumesCommand, ['detach', 'scratch'], env, { yes: true });
    await runCommand(runVolumesCommand, ['delete', 'scratch'], env, { yes: true });
    expect((await volumes(env)).some((v) => v.name === 'scratch')).toBe(false);
    const audit = readFileSync(join(env.CWS_STATE_DIR ?? '', 'audit.jsonl'), 'utf8');
    for (const action of ['volume-create', 'volume-attach', 'volume-detach', 'volume-delete']) {
      expect(audit).toContain(`"action":"${action}"`);
    }
  });

  it('refuses a volume in another availability zone with the way across', async () => {
    const env = testEnvironment();
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'box'], env);
    const [root] = await volumes(env);
    const otherZone = root?.availability_zone === 'us-east-1a' ? 'us-east-1b' : 'us-east-1a';
    await runCommand(runVolumesCommand, ['create', 'far'], env, { size: '10', zone: otherZone, yes: true });
    await expect(runCommand(runVolumesCommand, ['attach', 'far', 'box'], env, { yes: true })).rejects.toThrow(
      /is in us-east-1. but box is in us-east-1.: EBS volumes attach only within their availability zone\n {2}Snapshot it/,
    );
  });

  it('attaches to a stopped workstation without mounting, and says when it will be', async () => {
    const env = testEnvironment();
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'box'], env);
    await runCommand(lifecycleCommand('stop'), ['box'], env);
    const created = await runCommand(runVolumesCommand, ['create', 'later'], env, {
      size: '10',
      to: 'box',
      yes: true,
      mount: '/scratch',
    });
    expect(created.stdout).toContain('as /dev/sdf; it is mounted at /scratch');
  });

  it('refuses bad sizes, io2 without IOPS, a bad mount point, and sizes over the policy (exit 3)', async () => {
    const env = testEnvironment();
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'box'], env);
    await expect(
      runCommand(runVolumesCommand, ['create', 'v'], env, { size: '0', to: 'box', yes: true }),
    ).rejects.toMatchObject({ exitCode: 2 });
    await expect(
      runCommand(runVolumesCommand, ['create', 'v'], env, { size: '100', type: 'io2', to: 'box', yes: true }),
    ).rejects.toThrow(/an io2 volume needs --iops/);
    await expect(
      runCommand(runVolumesCommand, ['create', 'v'], env, {
        size: '100',
        to: 'box',
        mount: '/etc',
        yes: true,
      }),
    ).rejects.toThrow(/'\/etc' cannot be a mount point/);
    await expect(
      runCommand(runVolumesCommand, ['create', 'v'], env, { size: '100', iops: 90000, to: 'box', yes: true }),
    ).rejects.toThrow(/--iops 90000 is outside 3000-16000/);

    const policy = join(env.HOME ?? '', 'policy.yaml');
    writeFileSync(policy, 'max_ebs_gb: 50\n');
    await runCommand(runProfilesCommand, ['create', 'lab'], env, {
      awsProfile: 'lab',
      region: 'us-east-1',
      policy,
    });
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'box'], env, { demo: true });
    await expect(
      runCommand(runVolumesCommand, ['create', 'big'], env, {
        demo: true,
        size: '100',
        to: 'box',
        yes: true,
      }),
    ).rejects.toMatchObject({ exitCode: 3, message: expect.stringMatching(/at most 50 GB/) });
  });
});
