import { describe, expect, it } from 'vitest';
import { runLaunchCommand } from '../../source/commands/launchCommand.js';
import { runServicesCommand } from '../../source/commands/servicesCommand.js';
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

  it('lists the home EFS a deleted Studio domain left, and deletes it only when confirmed', async () => {
    const env = testEnvironment();
    await runCommand(runServicesCommand, ['launch', 'sagemaker-canvas', 'canvas'], env);
    const cleaned = await runCommand(runServicesCommand, ['cleanup'], env, { yes: true, deleteDomain: true });
    const home = /kept the home EFS (fs-\w+)/.exec(cleaned.stdout)?.[1] ?? '';
    expect(home).toMatch(/^fs-/);
    const listed = await runCommand(runStorageCommand, ['list'], env);
    expect(listed.stdout).toContain(`left by a deleted domain (d-`);
    expect(listed.stdout).toContain(`delete with cws-tui storage delete ${home} --region us-east-1 --yes`);
    await expect(runCommand(runStorageCommand, ['delete', home], env)).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/add --yes to confirm/),
    });
    await expect(
      runCommand(runStorageCommand, ['delete', 'fs-0123456789abcdef0'], env, { yes: true }),
    ).rejects.toMatchObject({ exitCode: 1, message: expect.stringMatching(/nothing was deleted/) });
    const deleted = await runCommand(runStorageCommand, ['delete', home], env, { yes: true });
    expect(deleted.stdout).toBe(
      `studio-home-${/\(d-\w+\)/.exec(listed.stdout)?.[0].slice(1, -1)} (${home}) in us-east-1 is being deleted.\n`,
    );
    expect((await runCommand(runStorageCommand, ['list'], env)).stdout).not.toContain(home);
  });

  it('explains a wrong use', async () => {
    const env = testEnvironment();
    await expect(runCommand(runStorageCommand, ['create', 'bad name'], env)).rejects.toMatchObject({
      exitCode: 2,
    });
    await expect(runCommand(runStorageCommand, [], env)).rejects.toThrow(/usage: cws-tui storage list/);
    await expect(
      runCommand(runStorageCommand, ['delete', 'lab-share'], env, { yes: true }),
    ).rejects.toMatchObject({
      exitCode: 2,
      message: "'lab-share' is not an EFS file system id (fs-...)",
    });
  });
});
