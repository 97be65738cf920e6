import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logCommandFailure } from '../../../source/commands/logCommandFailure.js';
import { CloudError } from '../../../source/core/CloudError.js';
import { appendLogEntry, LOG_ROTATE_BYTES } from '../../../source/core/log/appendLogEntry.js';

describe('the log', () => {
  it('rotates past its size limit, keeping two older files', async () => {
    const logFile = join(mkdtempSync(join(tmpdir(), 'cws-log-')), 'cws-tui.log');
    writeFileSync(logFile, 'x'.repeat(LOG_ROTATE_BYTES + 1));
    await appendLogEntry(logFile, 'after the first rotation', ['one']);
    expect(statSync(`${logFile}.1`).size).toBe(LOG_ROTATE_BYTES + 1);
    expect(readFileSync(logFile, 'utf8')).toMatch(/^\[.*\] after the first rotation\n {2}one\n\n$/);
    writeFileSync(logFile, 'y'.repeat(LOG_ROTATE_BYTES + 1));
    await appendLogEntry(logFile, 'after the second', []);
    expect(readFileSync(`${logFile}.2`, 'utf8').startsWith('x')).toBe(true);
    expect(readFileSync(`${logFile}.1`, 'utf8').startsWith('y')).toBe(true);
    expect(existsSync(`${logFile}.3`)).toBe(false);
  });

  it('a failed command is logged in the state dir, without its arguments, and the message says where', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'cws-state-'));
    const error = new CloudError({
      kind: 'network',
      code: 'Timeout',
      message: 'AWS did not answer in 30 s.',
      hint: 'Check the network.',
    });
    const where = await logCommandFailure({ CWS_STATE_DIR: stateDir }, 'list', error, 1);
    expect(where).toBe(`  Details are in ${join(stateDir, 'cws-tui.log')}\n`);
    const log = readFileSync(join(stateDir, 'cws-tui.log'), 'utf8');
    expect(log).toContain('cws-tui list failed (exit 1)');
    expect(log).toContain('CloudError (network) Timeout: AWS did not answer in 30 s.');
    expect(log).toContain('hint: Check the network.');
    expect(statSync(join(stateDir, 'cws-tui.log')).mode & 0o777).toBe(0o600);
    expect(await logCommandFailure({ CWS_STATE_DIR: stateDir }, 'list', error, 2)).toBe('');
  });
});
