import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCrashLog } from '../../source/app/writeCrashLog.js';

describe('writeCrashLog', () => {
  it('appends each crash with its time and stack, creating the directory', async () => {
    const logFile = join(mkdtempSync(join(tmpdir(), 'cws-log-')), 'state', 'cws-tui.log');
    await writeCrashLog(logFile, new Error('first'), new Date('2026-11-02T10:00:00Z'));
    await writeCrashLog(logFile, 'second', new Date('2026-11-02T11:00:00Z'));
    const log = readFileSync(logFile, 'utf8');
    expect(log).toContain('[2026-11-02T10:00:00.000Z]');
    expect(log).toContain('Error: first');
    expect(log).toMatch(/at .*writeCrashLog\.test/);
    expect(log.indexOf('first')).toBeLessThan(log.indexOf('second'));
    expect(statSync(logFile).mode & 0o777).toBe(0o600);
  });
});
