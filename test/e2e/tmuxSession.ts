import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { systemTool } from '../support/systemTool.js';

const BUNDLE = resolve(import.meta.dirname, '../../dist/cws-tui.js');
export const shellQuote = (value: string) => `'${value.replaceAll("'", "'\\''")}'`;

/**
 * The app under test, as a shell command: the single executable that CWS_E2E_EXECUTABLE names (CI
 * runs the end-to-end tests on dist/release/cws-tui-linux-x64 too), else the bundle on this Node.
 */
export function appCommand(): string {
  const executable = process.env.CWS_E2E_EXECUTABLE;
  const path = executable ? resolve(executable) : BUNDLE;
  // test/globalSetup.ts builds the bundle when it is missing or stale; `npm run package` the executable.
  if (!existsSync(path)) throw new Error(`${path} is missing`);
  return executable ? shellQuote(path) : `${shellQuote(process.execPath)} ${shellQuote(path)}`;
}

export function tmuxAvailable(): boolean {
  return systemTool('tmux', ['tmux', '-V'], 'apt-get install tmux');
}

/**
 * A tmux server of its own (its own socket), so the test never touches the user's sessions, with
 * one window of a fixed size running a command.
 */
export class TmuxSession {
  private readonly socket = `cws-e2e-${process.pid}-${Date.now()}`;

  constructor(command: string, size: { columns: number; rows: number }) {
    this.tmux('new-session', '-d', '-s', 'e2e', '-x', String(size.columns), '-y', String(size.rows), command);
  }

  capture(): string {
    return this.tmux('capture-pane', '-p', '-t', 'e2e');
  }

  /** tmux key names (`Enter`, `Escape`, `C-d`, `j`). */
  sendKeys(...keys: string[]): void {
    this.tmux('send-keys', '-t', 'e2e', ...keys);
  }

  /** Literal text, typed as is. */
  type(text: string): void {
    this.tmux('send-keys', '-t', 'e2e', '-l', text);
  }

  async waitFor(expected: string | RegExp, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.capture();
      if (typeof expected === 'string' ? screen.includes(expected) : expected.test(screen)) return screen;
      if (Date.now() > deadline) {
        throw new Error(`the screen never showed ${String(expected)}; it shows:\n${screen}`);
      }
      await sleep(50);
    }
  }

  /** The pid of the command's first child: the app, when the pane runs `sh -c 'env ... node ...'`. */
  childPid(): number {
    const shell = this.tmux('list-panes', '-t', 'e2e', '-F', '#{pane_pid}').trim();
    const children = readFileSync(`/proc/${shell}/task/${shell}/children`, 'utf8').trim();
    return Number(children.split(/\s+/)[0]);
  }

  /** Sets a tmux option for the whole server (`set-clipboard`, `allow-passthrough`). */
  setOption(name: string, value: string): void {
    this.tmux('set-option', '-g', name, value);
  }

  /** tmux's newest paste buffer (where an OSC 52 copy lands with `set-clipboard on`), or '' if none. */
  pasteBuffer(): string {
    try {
      return this.tmux('show-buffer');
    } catch {
      return '';
    }
  }

  /** Pastes text as a terminal would: bracketed, when the app asked for it. */
  pasteText(text: string): void {
    this.tmux('set-buffer', '-b', 'e2e-paste', '--', text);
    this.tmux('paste-buffer', '-p', '-d', '-b', 'e2e-paste', '-t', 'e2e');
  }

  deleteBuffers(): void {
    spawnSync('tmux', ['-L', this.socket, 'delete-buffer'], { stdio: 'ignore' });
  }

  kill(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server'], { stdio: 'ignore' });
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }
}
