import { describe, expect, it } from 'vitest';
import { runStorageCommand } from '../../source/commands/storageCommand.js';
import { runCommand } from './commandHarness.js';
import { labProfileUnderPolicy } from './labProfileUnderPolicy.js';

describe('storage create under a policy with a storage section', () => {
  it('refuses a type, size or price the policy does not allow (exit 3) and creates one it does', async () => {
    const env = await labProfileUnderPolicy({
      storage: { types: ['openzfs'], max_capacity_gib: 512, max_monthly_usd: 200 },
    });
    await expect(
      runCommand(runStorageCommand, ['create', 'scratch'], env, {
        demo: true,
        type: 'lustre',
        capacity: '1200',
      }),
    ).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringContaining('the policy does not allow lustre file systems'),
    });
    await expect(
      runCommand(runStorageCommand, ['create', 'big'], env, {
        demo: true,
        type: 'openzfs',
        capacity: '1024',
      }),
    ).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringContaining("over the policy's cap of 512 GiB"),
    });
    const listed = await runCommand(runStorageCommand, ['list'], env, { demo: true, json: true });
    expect(listed.stdout).not.toContain('"big"');
    const ok = await runCommand(runStorageCommand, ['create', 'lab-data'], env, {
      demo: true,
      type: 'openzfs',
      capacity: '256',
    });
    expect(ok.code).toBe(0);
  });

  it('applies the same storage section to EFS: a type it leaves out is refused before any call', async () => {
    const env = await labProfileUnderPolicy({ storage: { types: ['openzfs'], max_capacity_gib: 512 } });
    await expect(
      runCommand(runStorageCommand, ['create', 'homes'], env, { demo: true }),
    ).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringContaining('the policy does not allow efs file systems'),
    });
    const listed = await runCommand(runStorageCommand, ['list'], env, { demo: true, json: true });
    expect(JSON.parse(listed.stdout).file_systems).toEqual([]);

    // EFS provisions no capacity or throughput, so the caps let it through once the type is allowed.
    const allowing = await labProfileUnderPolicy({
      storage: { types: ['efs'], max_capacity_gib: 512, max_throughput_mbps: 100, max_monthly_usd: 50 },
    });
    const ok = await runCommand(runStorageCommand, ['create', 'homes'], allowing, { demo: true });
    expect(ok.stdout).toMatch(/homes is fs-\w+ in us-east-1/);
  });
});
