import { describe, expect, it } from 'vitest';
import { runCostCommand } from '../../source/commands/costCommand.js';
import { runLaunchCommand } from '../../source/commands/launchCommand.js';
import { runStorageCommand } from '../../source/commands/storageCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

/**
 * The "done when", on the demo account through the commands: a Lustre file system linked
 * to S3 and an OpenZFS one with per-user quotas, workstations that mount them, a benchmark whose
 * figure the advisor then shows, and every storage
 * cost in `cost`.
 */
describe('FSx end to end on the demo account', () => {
  it('creates Lustre and OpenZFS, launches workstations mounting them, guards deletion and costs them', async () => {
    const env = testEnvironment();
    const advice = await runCommand(runStorageCommand, ['recommend'], env, {
      capacity: '20TiB',
      throughput: '2GB/s',
      access: 'shared',
      pattern: 'hpc-scratch',
      months: 3,
    });
    expect(advice.stdout).toMatch(/\* FSx Lustre scratch +yes +21600 GiB/);
    expect(advice.stdout).toContain('FSx Lustre scratch is the cheapest that fits shared hpc-scratch');
    // The demo account prices at the snapshot, and the advisor says whose prices they are.
    expect(advice.stdout).toContain("Prices: AWS's published us-east-1 prices (snapshot 2026-11).");
    const adviceJson = await runCommand(runStorageCommand, ['recommend'], env, {
      capacity: '20TiB',
      throughput: '2GB/s',
      access: 'shared',
      pattern: 'hpc-scratch',
      json: true,
    });
    expect(JSON.parse(adviceJson.stdout).prices).toEqual({
      region: 'us-east-1',
      source: 'snapshot',
      as_of: '2026-11',
    });
    await expect(
      runCommand(runStorageCommand, ['recommend'], env, {
        capacity: 'lots',
        throughput: '1',
        access: 'shared',
        pattern: 'home',
      }),
    ).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('--capacity lots is not a size'),
    });
    const create = async (name: string, flags: Parameters<typeof runCommand>[3]) =>
      JSON.parse(
        (await runCommand(runStorageCommand, ['create', name], env, { ...flags, json: true })).stdout,
      ) as {
        id: string;
        dns_name: string;
      };
    const lustre = await create('train-scratch', {
      type: 'lustre',
      capacity: '1200',
      s3: 's3://lab-data/imagenet',
      import: true,
    });
    const zfs = await create('lab-data', {
      type: 'openzfs',
      capacity: '256',
      throughput: '64',
      quota: ['alice=50'],
    });

    const trainer = await runCommand(runLaunchCommand, ['ubuntu-24-04', 'trainer'], env, { fsx: lustre.id });
    expect(trainer.code).toBe(0);
    expect(trainer.stderr).toContain(`FSx lustre ${lustre.id} at /fsx`);
    const analyst = await runCommand(runLaunchCommand, ['ubuntu-24-04', 'analyst'], env, { fsx: zfs.id });
    expect(analyst.code).toBe(0);

    const bench = await runCommand(runStorageCommand, ['bench', 'trainer', lustre.id], env, {
      pattern: 'seq',
      size: '1G',
    });
    expect(bench.stdout).toContain(`FSx Lustre scratch ${lustre.id} (1200 GiB) from trainer`);
    expect(bench.stdout).toMatch(/total {2}520 MB\/s/);
    const measured = await runCommand(runStorageCommand, ['recommend'], env, {
      capacity: '20TiB',
      throughput: '2GB/s',
      access: 'shared',
      pattern: 'hpc-scratch',
    });
    expect(measured.stdout).toMatch(/\* FSx Lustre scratch +yes +21600 GiB +4219 +520 /);
    await expect(
      runCommand(runStorageCommand, ['bench', 'trainer', lustre.id], env, { pattern: 'sideways' }),
    ).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('--pattern is one of seq, random, metadata'),
    });

    const listed = await runCommand(runStorageCommand, ['list'], env);
    expect(listed.stdout).toMatch(new RegExp(`train-scratch +${lustre.id} .* trainer\\n`));
    expect(listed.stdout).toMatch(new RegExp(`lab-data +${zfs.id} .* quotas alice=50G +analyst\\n`));

    await expect(
      runCommand(runStorageCommand, ['delete', lustre.id], env, { yes: true }),
    ).rejects.toMatchObject({
      exitCode: 1,
      message: expect.stringContaining(`${lustre.id} is mounted by trainer: nothing was deleted`),
    });
    await expect(
      runCommand(runStorageCommand, ['delete', lustre.id], env, { yes: true, force: true, confirm: 'wrong' }),
    ).rejects.toMatchObject({ message: expect.stringContaining('--force --confirm train-scratch') });

    const cost = await runCommand(runCostCommand, [], env, { json: true });
    expect(cost.stdout).toContain('FSx for Lustre');
    expect(cost.stdout).toContain('FSx for OpenZFS');
    expect(cost.stdout).toContain(lustre.id);

    const deleted = await runCommand(runStorageCommand, ['delete', lustre.id], env, {
      yes: true,
      force: true,
      confirm: 'train-scratch',
    });
    expect(deleted.stderr).toContain('trainer still mounted it');
  });
});
