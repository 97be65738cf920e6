import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProfilesCommand } from '../../source/commands/profilesCommand.js';
import { runStorageCommand } from '../../source/commands/storageCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

describe('storage create under a policy with a storage section', () => {
  it('refuses a type, size or price the policy does not allow (exit 3) and creates one it does', async () => {
    const env = testEnvironment();
    const policy = join(env.HOME ?? '', 'policy.json');
    writeFileSync(
      policy,
      JSON.stringify({ storage: { types: ['openzfs'], max_capacity_gib: 512, max_monthly_usd: 200 } }),
    );
    await runCommand(runProfilesCommand, ['create', 'lab'], env, {
      awsProfile: 'lab',
      region: 'us-east-1',
      policy,
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
});
