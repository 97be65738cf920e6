import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { withFileLock } from '../../../source/core/fs/withFileLock.js';

describe('withFileLock', () => {
  it('serialises concurrent read-modify-write cycles', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cws-lock-'));
    const lock = join(dir, 'state.lock');
    let counter = 0;
    const events: string[] = [];
    await Promise.all(
      Array.from({ length: 8 }, (_, n) =>
        withFileLock(lock, async () => {
          const seen = counter;
          events.push(`in${n}`);
          await sleep(2);
          counter = seen + 1;
          events.push(`out${n}`);
        }),
      ),
    );
    expect(counter).toBe(8);
    for (let i = 0; i < events.length; i += 2) {
      expect(events[i]?.slice(2)).toBe(events[i + 1]?.slice(3));
    }
  });

  it('creates the directory of a lock on a fresh install', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cws-lock-'));
    const lock = join(dir, 'state', 'nested', 'demo.lock');
    await expect(withFileLock(lock, async () => 'done')).resolves.toBe('done');
  });

  it('breaks a lock left by a process that no longer exists', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cws-lock-'));
    const lock = join(dir, 'state.lock');
    writeFileSync(lock, '999999999\n');
    await expect(withFileLock(lock, async () => 'done', { timeoutMs: 500 })).resolves.toBe('done');
  });

  it('times out with a message naming the holder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cws-lock-'));
    const lock = join(dir, 'state.lock');
    writeFileSync(lock, `${process.pid}\n`);
    await expect(withFileLock(lock, async () => 'never', { timeoutMs: 50 })).rejects.toThrow(
      new RegExp(`held by process ${process.pid}`),
    );
  });
});
