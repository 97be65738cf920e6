import { afterEach, describe, expect, it, vi } from 'vitest';
import { uniqueBackupPath } from '../../../source/core/fs/uniqueBackupPath.js';
import { uniqueFileSuffix } from '../../../source/core/fs/uniqueFileSuffix.js';

afterEach(() => {
  vi.restoreAllMocks();
});

const withPid = <T>(pid: number, run: () => T): T => {
  const original = Object.getOwnPropertyDescriptor(process, 'pid');
  Object.defineProperty(process, 'pid', { value: pid, configurable: true });
  try {
    return run();
  } finally {
    if (original) Object.defineProperty(process, 'pid', original);
  }
};

describe('uniqueFileSuffix', () => {
  it('never repeats within one process, even in the same millisecond with the same random part', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const now = Date.UTC(2026, 11, 6);
    const suffixes = Array.from({ length: 10_000 }, () => uniqueFileSuffix(now));
    expect(new Set(suffixes).size).toBe(suffixes.length);
  });

  it('differs between processes at the same moment, and holds only file-name-safe characters', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const now = Date.UTC(2026, 11, 6);
    const first = withPid(4242, () => uniqueFileSuffix(now));
    const second = withPid(4243, () => uniqueFileSuffix(now));
    expect(first.split('-')[0]).toBe((4242).toString(36));
    expect(second.split('-')[0]).toBe((4243).toString(36));
    expect(first).not.toBe(second);
    expect(first).toMatch(/^[0-9a-z-]+$/);
  });

  it('differs between processes with the same id (containers) through the time and random parts', () => {
    const now = Date.UTC(2026, 11, 6);
    vi.spyOn(Math, 'random').mockReturnValueOnce(0.25).mockReturnValueOnce(0.75);
    // Same pid and counter value cannot be forced across modules, so compare the parts that differ.
    const [, , timeA, randomA] = withPid(1, () => uniqueFileSuffix(now)).split('-');
    const [, , timeB, randomB] = withPid(1, () => uniqueFileSuffix(now + 1)).split('-');
    expect(timeA).not.toBe(timeB);
    expect(randomA).not.toBe(randomB);
  });
});

describe('uniqueBackupPath', () => {
  it('sets aside two damaged files of the same millisecond under different names', () => {
    const now = new Date('2026-12-06T13:00:00.000Z');
    const first = uniqueBackupPath('/state/demo-account.json', now);
    const second = uniqueBackupPath('/state/demo-account.json', now);
    expect(first).toMatch(/^\/state\/demo-account\.json\.bak-2026-12-06T13-00-00-000Z-[0-9a-z-]+$/);
    expect(second).not.toBe(first);
  });
});
