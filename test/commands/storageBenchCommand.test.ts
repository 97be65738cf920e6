import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLaunchCommand } from '../../source/commands/launchCommand.js';
import { runStorageCommand } from '../../source/commands/storageCommand.js';
import { FileStorageBenchStore } from '../../source/core/fsx/FileStorageBenchStore.js';
import {
  measuredThroughputByType,
  type StorageBenchResult,
} from '../../source/core/fsx/StorageBenchResult.js';
import { runCommand, testEnvironment } from './commandHarness.js';

describe('storage bench', () => {
  it('benchmarks OpenZFS with random and metadata work, and refuses bad targets and input clearly', async () => {
    const env = testEnvironment();
    const zfs = JSON.parse(
      (
        await runCommand(runStorageCommand, ['create', 'lab'], env, {
          type: 'openzfs',
          capacity: '64',
          json: true,
        })
      ).stdout,
    ) as { id: string };
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'analyst'], env, { fsx: zfs.id });
    const random = JSON.parse(
      (
        await runCommand(runStorageCommand, ['bench', 'analyst', zfs.id], env, {
          pattern: 'random',
          json: true,
        })
      ).stdout,
    ) as StorageBenchResult;
    expect(random).toMatchObject({
      storage_type: 'FSx OpenZFS',
      pattern: 'random',
      size: '1G',
      workstation: 'analyst',
      read: { iops: 11200, latency_ms: { p50: 0.4, p99: 2.4 } },
      write: { iops: 4800 },
    });
    const metadata = await runCommand(runStorageCommand, ['bench', 'analyst', zfs.id], env, {
      pattern: 'metadata',
    });
    expect(metadata.stdout).toContain('total  36.9 MB/s  9000 IOPS');

    await expect(
      runCommand(runStorageCommand, ['bench', 'analyst', 'vol-0123456789abcdef0'], env),
    ).rejects.toMatchObject({ exitCode: 1, message: expect.stringContaining('is not attached to analyst') });
    await expect(
      runCommand(runStorageCommand, ['bench', 'analyst', 'fs-0123456789abcdef0'], env),
    ).rejects.toMatchObject({ exitCode: 1, message: expect.stringContaining('does not exist') });
    await expect(runCommand(runStorageCommand, ['bench', 'analyst', '/etc'], env)).rejects.toMatchObject({
      exitCode: 2,
    });
    await expect(
      runCommand(runStorageCommand, ['bench', 'analyst', zfs.id], env, { size: '2T' }),
    ).rejects.toMatchObject({ exitCode: 2, message: '--size 2T is not a size such as 1G or 512M' });
    await expect(runCommand(runStorageCommand, ['bench', 'nobody', zfs.id], env)).rejects.toMatchObject({
      exitCode: 1,
    });
  });
});

describe('FileStorageBenchStore', () => {
  it('keeps results, sets a broken file aside, and gives the advisor the latest seq figure per type', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cws-bench-'));
    writeFileSync(join(dir, 'storage-bench.json'), '{not json');
    const store = new FileStorageBenchStore(dir);
    expect(await store.list()).toEqual([]);
    expect(store.recoveredFrom).toContain('was moved to');
    const base: StorageBenchResult = {
      at: '2026-12-01T00:00:00.000Z',
      workstation: 'w',
      instance_type: 'c6i.xlarge',
      target_id: 'vol-0123456789abcdef0',
      storage_type: 'EBS gp3',
      capacity_gib: 100,
      pattern: 'seq',
      size: '1G',
      fio_version: 'fio-3.33',
      read: { mb_per_s: 60, iops: 60 },
      write: { mb_per_s: 60, iops: 60 },
      total_mb_per_s: 120,
      total_iops: 120,
    };
    await store.add(base);
    await store.add({ ...base, at: '2026-12-02T00:00:00.000Z', total_mb_per_s: 130 });
    await store.add({ ...base, at: '2026-12-03T00:00:00.000Z', pattern: 'random', total_mb_per_s: 9 });
    expect(await new FileStorageBenchStore(dir).list()).toHaveLength(3);
    expect(measuredThroughputByType(await store.list())).toEqual({ 'EBS gp3': 130 });
  });
});
