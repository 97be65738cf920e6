import { describe, expect, it } from 'vitest';
import { runStorageCommand } from '../../source/commands/storageCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

describe('cws-tui storage with FSx on the demo account', () => {
  it('creates Lustre linked to S3, priced, runs an import with progress and lists it beside EFS', async () => {
    const env = testEnvironment();
    const created = await runCommand(runStorageCommand, ['create', 'scratch'], env, {
      type: 'lustre',
      deployment: 'persistent2',
      capacity: '2400',
      throughput: '250',
      s3: 's3://lab-data/runs',
      import: true,
      export: true,
      json: true,
    });
    const fs = JSON.parse(created.stdout) as {
      id: string;
      state: string;
      monthly_usd: number;
      data_repository: { s3_path: string; auto_import: boolean };
    };
    expect(fs).toMatchObject({
      state: 'available',
      monthly_usd: 504,
      data_repository: { s3_path: 's3://lab-data/runs/', auto_import: true },
    });
    expect(created.stderr).toContain(
      "price: $504.00/month (2400 GiB × $0.21/GB-month (persistent2, 250 MB/s/TiB)) from AWS's published us-east-1 prices (snapshot 2026-11)",
    );
    expect(created.stderr).toContain(`${fs.id} is available; linking it to s3://lab-data/runs/`);
    const task = await runCommand(runStorageCommand, ['task', fs.id, 'import'], env);
    expect(task.code).toBe(0);
    expect(task.stdout).toMatch(/^import task-\w+ succeeded: 12000 files, 0 failed\n$/);
    const tasks = await runCommand(runStorageCommand, ['tasks', fs.id], env);
    expect(tasks.stdout).toMatch(/task-\w+ +import +succeeded +12000\/12000/);
    const listed = await runCommand(runStorageCommand, ['list'], env);
    expect(listed.stdout).toMatch(
      new RegExp(
        `scratch +${fs.id} +lustre persistent2 +available +2400 GiB +250 MB/s/TiB +504.00 +s3://lab-data/runs/ \\+import \\+export +-`,
      ),
    );
  });

  it('refuses values FSx would refuse before any call, naming the nearest valid ones', async () => {
    const env = testEnvironment();
    await expect(
      runCommand(runStorageCommand, ['create', 'scratch'], env, { type: 'lustre', capacity: '3000' }),
    ).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/nearest 2400 GiB or 4800 GiB\n {2}Nothing was created\./),
    });
    await expect(
      runCommand(runStorageCommand, ['create', 'data'], env, { type: 'openzfs', throughput: '100' }),
    ).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/nearest 64 or 128 MB\/s/) });
    const listed = await runCommand(runStorageCommand, ['list'], env, { json: true });
    expect((JSON.parse(listed.stdout) as { fsx: unknown[] }).fsx).toEqual([]);
  });

  it('creates OpenZFS with per-user quotas, snapshots it, clones a snapshot and restores one', async () => {
    const env = testEnvironment();
    const created = JSON.parse(
      (
        await runCommand(runStorageCommand, ['create', 'lab-data'], env, {
          type: 'openzfs',
          capacity: '512',
          throughput: '128',
          compression: 'lz4',
          quota: ['alice=100'],
          json: true,
        })
      ).stdout,
    ) as { id: string; quotas: { uid: number; gib: number; user: string }[] };
    expect(created.quotas).toEqual([{ uid: expect.any(Number), gib: 100, user: 'alice' }]);
    const first = await runCommand(runStorageCommand, ['snapshot', 'create', created.id, 'before-run'], env, {
      json: true,
    });
    const snapshot = JSON.parse(first.stdout) as { id: string };
    await runCommand(runStorageCommand, ['snapshot', 'create', created.id, 'after-run'], env);
    const listed = await runCommand(runStorageCommand, ['snapshot', 'list', created.id], env);
    expect(listed.stdout).toMatch(/before-run[\s\S]*after-run/);
    const clone = await runCommand(
      runStorageCommand,
      ['snapshot', 'clone', created.id, snapshot.id, 'run-42'],
      env,
    );
    expect(clone.stdout).toMatch(
      new RegExp(
        `run-42 is fsvol-\\w+, a clone of before-run: workstations mounting ${created.id} see it at /fsx/run-42`,
      ),
    );
    await expect(
      runCommand(runStorageCommand, ['snapshot', 'restore', created.id, snapshot.id], env),
    ).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/the newer snapshots after-run are deleted\. Add --yes/),
    });
    const restored = await runCommand(
      runStorageCommand,
      ['snapshot', 'restore', created.id, snapshot.id],
      env,
      { yes: true },
    );
    expect(restored.stdout).toBe('lab-data is being rolled back to before-run.\n');
    expect((await runCommand(runStorageCommand, ['snapshot', 'list', created.id], env)).stdout).not.toContain(
      'after-run',
    );
    await expect(runCommand(runStorageCommand, ['task', created.id, 'import'], env)).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/is OpenZFS: import, export and release are Lustre's/),
    });
  });

  it('deletes an FSx file system only with --yes, and then it is gone', async () => {
    const env = testEnvironment();
    const { id } = JSON.parse(
      (await runCommand(runStorageCommand, ['create', 'tmp'], env, { type: 'lustre', json: true })).stdout,
    ) as { id: string };
    await expect(runCommand(runStorageCommand, ['delete', id], env)).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/add --yes/),
    });
    const deleted = await runCommand(runStorageCommand, ['delete', id], env, { yes: true });
    expect(deleted.stdout).toBe(`tmp (${id}) in us-east-1 is being deleted.\n`);
    expect((await runCommand(runStorageCommand, ['list'], env)).stdout).not.toContain(id);
  });
});
