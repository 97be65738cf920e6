import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../source/commands/CliError.js';
import { runProfilesCommand } from '../../source/commands/profilesCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

const labPolicy = fileURLToPath(new URL('../fixtures/policies/lab.yaml', import.meta.url));

describe('cws-tui profiles', () => {
  it('creates, lists, switches and deletes profiles', async () => {
    const env = testEnvironment();
    const created = await runCommand(runProfilesCommand, ['create', 'lab'], env, {
      awsProfile: 'research',
      region: 'us-west-2',
      policy: labPolicy,
      user: 'alice',
      budget: 300,
      discount: ['ec2=10', 'EBS=5%'],
      costExplorer: true,
    });
    expect(created.stdout).toBe("created profile 'lab' (current)\n");
    expect(created.stderr).toContain("the AWS profile 'research' is not in your AWS config");
    await runCommand(runProfilesCommand, ['create', 'ops'], env, {
      awsProfile: 'ops',
      region: 'us-east-1',
      admin: true,
    });

    const listed = JSON.parse(
      (await runCommand(runProfilesCommand, ['list'], env, { json: true })).stdout,
    ) as Array<Record<string, unknown>>;
    expect(listed.map((profile) => [profile.name, profile.current, profile.role])).toEqual([
      ['lab', true, 'member'],
      ['ops', false, 'admin'],
    ]);
    expect(listed[0]).toMatchObject({
      aws_profile: 'research',
      region: 'us-west-2',
      research_user: 'alice',
      kind: 'personal',
      budget: { monthly_limit: 300, thresholds: [50, 80, 100], actions: {}, auto: false },
      discounts: { ec2: 10, ebs: 5 },
      cost_explorer: true,
      policy: { max_vcpus: 16, spot: 'allowed' },
    });

    const lab = (await runCommand(runProfilesCommand, ['current'], env)).stdout;
    expect(lab).toContain('budget:         $300.00 a month, alerts at 50%, 80%, 100%');
    expect(lab).toContain('discounts:      ec2 10%, ebs 5%');
    expect(lab).toContain('billed spend:   from Cost Explorer');
    expect((await runCommand(runProfilesCommand, ['use', 'ops'], env)).stdout).toBe(
      "the current profile is now 'ops'\n",
    );
    const current = await runCommand(runProfilesCommand, ['current'], env);
    expect(current.stdout).toContain('profile:        ops (personal, admin)');
    expect(current.stdout).toContain('billed spend:   not fetched (estimates only)');
    expect(listed[1]).toMatchObject({ cost_explorer: false });
    expect(listed[1]?.discounts).toBeUndefined();
    const table = (await runCommand(runProfilesCommand, ['list'], env)).stdout;
    expect(table.split('\n')[2]).toMatch(/^\*\s+ops\s+personal\s+admin\s+ops\s+us-east-1/);

    expect((await runCommand(runProfilesCommand, ['delete', 'ops'], env)).stdout).toBe(
      "deleted profile 'ops'\n",
    );
    await expect(runCommand(runProfilesCommand, ['current'], env)).rejects.toThrow('no profile is current');
  });

  it('takes the region from the AWS profile when --region is not given', async () => {
    const env = testEnvironment();
    const awsConfig = join(env.HOME ?? '', 'aws-config');
    await writeFile(awsConfig, '[profile research]\nregion = eu-west-1\n');
    const outcome = await runCommand(
      runProfilesCommand,
      ['create', 'lab'],
      { ...env, AWS_CONFIG_FILE: awsConfig },
      {
        awsProfile: 'research',
        json: true,
      },
    );
    expect(outcome.stderr).toBe('');
    expect(JSON.parse(outcome.stdout)).toMatchObject({ region: 'eu-west-1', policy: {} });
  });

  it('explains each kind of bad input', async () => {
    const env = testEnvironment();
    await expect(runCommand(runProfilesCommand, ['create', 'lab'], env)).rejects.toThrow(
      'needs --aws-profile',
    );
    await expect(
      runCommand(runProfilesCommand, ['create', 'lab'], env, { awsProfile: 'x', region: 'moon-1' }),
    ).rejects.toThrow('invalid profile: region: a region looks like us-east-1');
    await expect(
      runCommand(runProfilesCommand, ['create', 'lab'], env, {
        awsProfile: 'x',
        region: 'us-east-1',
        user: 'root',
      }),
    ).rejects.toThrow('--user: "root" is a system or default user name');
    const malformed = fileURLToPath(new URL('../fixtures/policies/malformed.yaml', import.meta.url));
    await expect(
      runCommand(runProfilesCommand, ['create', 'lab'], env, {
        awsProfile: 'x',
        region: 'us-east-1',
        policy: malformed,
      }),
    ).rejects.toThrow(/malformed\.yaml:3:3: templates\.denny: unknown key 'denny'/);
    await runCommand(runProfilesCommand, ['create', 'lab'], env, { awsProfile: 'x', region: 'us-east-1' });
    await expect(
      runCommand(runProfilesCommand, ['create', 'lab'], env, { awsProfile: 'x', region: 'us-east-1' }),
    ).rejects.toThrow("a profile named 'lab' already exists");
    await expect(runCommand(runProfilesCommand, ['use', 'nope'], env)).rejects.toThrow(
      "no profile named 'nope' (profiles: lab)",
    );
    await expect(runCommand(runProfilesCommand, ['delete', 'nope'], env)).rejects.toThrow(
      "no profile named 'nope'",
    );
    for (const [discount, message] of [
      ['gpu=5', "--discount 'gpu=5': unknown service 'gpu' (services: ec2, sagemaker, ebs, efs)"],
      ['ec2=150', "--discount 'ec2=150': a discount is at most 100%"],
      ['ec2', "--discount 'ec2' is not a discount: write service=percent, e.g. ec2=10"],
      ['ec2=-3', "--discount 'ec2=-3' is not a discount"],
    ] as const) {
      await expect(
        runCommand(runProfilesCommand, ['create', 'disc'], env, {
          awsProfile: 'x',
          region: 'us-east-1',
          discount: [discount],
        }),
      ).rejects.toThrow(message);
    }
    await expect(
      runCommand(runProfilesCommand, ['create', 'disc'], env, {
        awsProfile: 'x',
        region: 'us-east-1',
        discount: ['ec2=5', 'ec2=10'],
      }),
    ).rejects.toThrow("--discount 'ec2=10': the ec2 discount is given twice");
    const usage = await runCommand(runProfilesCommand, ['frobnicate'], env).catch((error: unknown) => error);
    expect(usage).toBeInstanceOf(CliError);
    expect((usage as CliError).exitCode).toBe(2);
  });

  it('reports a config file truncated mid-write, keeps it as a backup and carries on', async () => {
    const env = testEnvironment();
    await runCommand(runProfilesCommand, ['create', 'lab'], env, { awsProfile: 'x', region: 'us-east-1' });
    const path = join(env.CWS_CONFIG_DIR ?? '', 'config.json');
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.slice(0, 40));
    const outcome = await runCommand(runProfilesCommand, ['list'], env);
    expect(outcome.code).toBe(0);
    expect(outcome.stderr).toMatch(
      /the config file had a problem at \(file\): not valid JSON: .*; it was kept as .*config\.json\.bak-.* and defaults are used/,
    );
    expect(outcome.stdout).toContain('no profiles yet');
  });
});
