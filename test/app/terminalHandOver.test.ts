import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { handOverTerminal } from '../../source/app/terminalHandOver.js';
import { systemTool } from '../support/systemTool.js';

const hasTmux = systemTool('tmux', ['tmux', '-V'], 'apt-get install tmux');

describe('handOverTerminal', () => {
  it('leaves raw mode and the alternate screen for the run, and takes both back even when it fails', async () => {
    const events: string[] = [];
    const context = {
      screen: { enter: () => events.push('enter'), restore: () => events.push('restore') },
      input: { isRaw: true, setRawMode: (mode: boolean) => events.push(`raw ${mode}`) },
      redraw: () => events.push('redraw'),
    };
    expect(
      await handOverTerminal(async () => {
        events.push('run');
        return 3;
      }, context),
    ).toBe(3);
    await expect(handOverTerminal(() => Promise.reject(new Error('ssh missing')), context)).rejects.toThrow(
      'ssh missing',
    );
    const once = ['raw false', 'restore', 'run', 'enter', 'raw true', 'redraw'];
    expect(events).toEqual([...once, ...once.filter((event) => event !== 'run')]);
  });
});

describe.skipIf(!hasTmux)('handOverTerminal in a real terminal (tmux)', () => {
  const socket = `cws-handover-${process.pid}`;
  const tmux = (...args: string[]) =>
    execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });

  afterEach(() => {
    try {
      tmux('kill-server');
    } catch {
      // Already gone.
    }
  });

  async function until(check: () => boolean, what: string): Promise<void> {
    for (let attempt = 0; attempt < 200; attempt++) {
      if (check()) return;
      await sleep(100);
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  it('gives the child a cooked, normal screen, then restores the app', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cws-handover-'));
    const tsx = resolve('node_modules/.bin/tsx');
    const fixture = resolve('test/app/terminalHandOverFixture.ts');
    tmux('new-session', '-d', '-s', 'app', '-x', '100', '-y', '30', `${tsx} ${fixture} ${dir}`);
    const alternate = () => tmux('display-message', '-p', '-t', 'app', '#{alternate_on}').trim();
    const log = () => (existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8') : '');

    await until(() => existsSync(join(dir, 'stty')), 'the child to start');
    expect(log()).toContain('before raw=true');
    expect(alternate()).toBe('0');
    const stty = readFileSync(join(dir, 'stty'), 'utf8');
    expect(stty).toMatch(/(^|\s)icanon(\s|$)/);
    expect(stty).toMatch(/(^|\s)echo(\s|$)/);
    expect(tmux('capture-pane', '-p', '-t', 'app')).toContain('CHILD-SAYS-HI');

    tmux('send-keys', '-t', 'app', 'hello', 'Enter');
    await until(() => log().includes('after'), 'the app to take the terminal back');
    expect(readFileSync(join(dir, 'got'), 'utf8')).toBe('hello\n');
    expect(log()).toContain('after code=7 raw=true');
    expect(alternate()).toBe('1');
    expect(tmux('capture-pane', '-p', '-t', 'app')).toContain('APP-REDRAWN');
    tmux('send-keys', '-t', 'app', 'q');
  });
});
