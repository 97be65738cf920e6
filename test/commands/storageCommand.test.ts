import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLaunchCommand } from '../../source/commands/launchCommand.js';
import { lifecycleCommand } from '../../source/commands/lifecycleCommand.js';
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

  it('refuses to delete a file system a workstation mounts, until it is unmounted there', async () => {
    const env = testEnvironment();
    const { id } = JSON.parse(
      (await runCommand(runStorageCommand, ['create', 'lab-share'], env, { json: true })).stdout,
    ) as { id: string };
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'box'], env, { efs: id });
    await expect(runCommand(runStorageCommand, ['delete', id], env, { yes: true })).rejects.toMatchObject({
      exitCode: 1,
      message: `${id} is mounted by box: nothing was deleted\n  Unmount it first (cws-tui storage unmount ${id} box), or add --force to delete it under them.`,
    });
    await expect(
      runCommand(runStorageCommand, ['unmount', id, 'nobody'], env, { yes: true }),
    ).rejects.toThrow(/no workstation named 'nobody' \(workstations: box\)/);
    const unmounted = await runCommand(runStorageCommand, ['unmount', id, 'box'], env, { yes: true });
    expect(unmounted.stdout).toBe(`unmounted ${id} from /efs/home/alice /efs\n`);
    const deleted = await runCommand(runStorageCommand, ['delete', id], env, { yes: true });
    expect(deleted.stdout).toBe(`lab-share (${id}) in us-east-1 is being deleted.\n`);
    const audit = readFileSync(join(env.CWS_STATE_DIR ?? '', 'audit.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { action: string; targets: string[]; mounted_by?: string[] });
    expect(audit.find((event) => event.action === 'efs-unmount')?.targets).toEqual([id, 'box']);
    expect(audit.find((event) => event.action === 'efs-delete')).toMatchObject({
      targets: [id],
      mounted_by: [],
    });
  });

  it('deletes a mounted file system with --force and records who still had it', async () => {
    const env = testEnvironment();
    const { id } = JSON.parse(
      (await runCommand(runStorageCommand, ['create', 'lab-share'], env, { json: true })).stdout,
    ) as { id: string };
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'box'], env, { efs: id });
    const deleted = await runCommand(runStorageCommand, ['delete', id], env, { yes: true, force: true });
    expect(deleted.stderr).toContain('note: box still had it in /etc/fstab');
    expect(readFileSync(join(env.CWS_STATE_DIR ?? '', 'audit.jsonl'), 'utf8')).toContain(
      '"mounted_by":["box"]',
    );
    expect((await runCommand(runStorageCommand, ['list'], env)).stdout).not.toContain(id);
  });

  it('unmounts only on a running workstation, and never touches a file system the app did not create', async () => {
    const env = testEnvironment();
    const { id } = JSON.parse(
      (await runCommand(runStorageCommand, ['create', 'lab-share'], env, { json: true })).stdout,
    ) as { id: string };
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'box'], env, { efs: id });
    await runCommand(lifecycleCommand('stop'), ['box'], env);
    await expect(runCommand(runStorageCommand, ['unmount', id, 'box'], env, { yes: true })).rejects.toThrow(
      /box is stopped: start it first/,
    );
    await expect(
      runCommand(runStorageCommand, ['unmount', 'fs-0123456789abcdef0', 'box'], env, { yes: true }),
    ).rejects.toMatchObject({
      exitCode: 1,
      message: expect.stringMatching(/not one of cws-tui's file systems/),
    });
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
