import { describe, expect, it } from 'vitest';
import { runLaunchCommand } from '../../source/commands/launchCommand.js';
import { runStorageCommand } from '../../source/commands/storageCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

describe('cws-tui storage', () => {
  it("creates a file system that a launch mounts through the user's access point", async () => {
    const env = testEnvironment();
    const created = JSON.parse(
      (await runCommand(runStorageCommand, ['create', 'lab-share'], env, { json: true })).stdout,
    ) as {
      id: string;
    };
    expect(created.id).toMatch(/^fs-/);
    const launched = await runCommand(runLaunchCommand, ['ubuntu-24-04', 'with-efs'], env, {
      efs: created.id,
    });
    expect(launched.code).toBe(0);
    expect(launched.stderr).toMatch(new RegExp(`${created.id} through access point fsap-`));
    const listed = await runCommand(runStorageCommand, ['list'], env);
    expect(listed.stdout).toMatch(/lab-share +fs-\S+ +us-east-1 +available .* alice fsap-/);
    expect(listed.stdout).toMatch(/ROOT VOLUME OF[\s\S]*with-efs/);
  });

  it('explains a wrong use', async () => {
    const env = testEnvironment();
    await expect(runCommand(runStorageCommand, ['create', 'bad name'], env)).rejects.toMatchObject({
      exitCode: 2,
    });
    await expect(runCommand(runStorageCommand, [], env)).rejects.toThrow(/usage: cws-tui storage list/);
  });
});
