import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { endOnClosedPipe } from '../../source/commands/endOnClosedPipe.js';

const BUNDLE = resolve(import.meta.dirname, '../../dist/cws-tui.js');

describe('endOnClosedPipe', () => {
  it('ends successfully on EPIPE and lets any other stream error through', () => {
    const stream = new EventEmitter() as unknown as NodeJS.WritableStream;
    const exits: number[] = [];
    endOnClosedPipe([stream], (code) => exits.push(code));
    stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(exits).toEqual([0]);
    expect(() => stream.emit('error', Object.assign(new Error('no space'), { code: 'ENOSPC' }))).toThrow(
      'no space',
    );
  });

  it('lets a reader close the pipe after the first line: exit 0, nothing on stderr', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cws-pipe-'));
    const child = spawn(process.execPath, [BUNDLE, 'templates', 'list'], {
      env: {
        ...process.env,
        HOME: root,
        CWS_CONFIG_DIR: join(root, 'config'),
        CWS_STATE_DIR: join(root, 'state'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    // The reader takes the first chunk and goes, as `| head -1` does.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
