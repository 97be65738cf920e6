import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TmuxSession, tmuxAvailable } from './tmuxSession.js';

const BUNDLE = resolve(import.meta.dirname, '../../dist/cws-tui.js');
const shellQuote = (value: string) => `'${value.replaceAll("'", "'\\''")}'`;

/**
 * Text editing in the built app, in tmux at 80x24 and 120x40: the filter field takes Ctrl-W, Alt-B,
 * Ctrl-A, Ctrl-E, Left and Ctrl-K as a shell would, says it is typing (q is text), and a bracketed
 * paste from tmux (with a line break) is one edit that presses no Enter.
 */
describe.skipIf(!tmuxAvailable())('text fields in the built app in tmux', () => {
  let root: string;
  let env: Record<string, string>;
  const sessions: TmuxSession[] = [];

  beforeAll(() => {
    if (!existsSync(BUNDLE)) {
      throw new Error(`${BUNDLE} is missing: run \`npm run build\` before the end-to-end test.`);
    }
    root = mkdtempSync(join(tmpdir(), 'cws-e2e-text-'));
    for (const dir of ['config', 'state']) mkdirSync(join(root, dir));
    env = {
      HOME: root,
      CWS_CONFIG_DIR: join(root, 'config'),
      CWS_STATE_DIR: join(root, 'state'),
      CWS_DEMO_SPEED: '0',
      AWS_EC2_METADATA_DISABLED: 'true',
      TERM: 'xterm-256color',
    };
    for (const name of ['gpu-box', 'analysis']) {
      execFileSync(process.execPath, [BUNDLE, 'launch', 'python-ml', name, '--demo'], {
        env: { ...process.env, ...env },
        stdio: 'ignore',
      });
    }
  });

  afterAll(() => {
    for (const tmux of sessions) tmux.kill();
  });

  it.each([
    { columns: 80, rows: 24 },
    { columns: 120, rows: 40 },
  ])(
    'edits the filter with the usual keys at $columns x $rows',
    async (size) => {
      const assignments = Object.entries(env)
        .map(([key, value]) => `${key}=${shellQuote(value)}`)
        .join(' ');
      const command = `env -u CI ${assignments} ${shellQuote(process.execPath)} ${shellQuote(BUNDLE)} --demo; echo "EXITED:$?"; sleep 600`;
      const tmux = new TmuxSession(command, size);
      sessions.push(tmux);
      await tmux.waitFor(/> analysis .*running/);
      tmux.sendKeys('/');
      tmux.type('box one');
      await tmux.waitFor(/^\/box one/m);
      expect(await tmux.waitFor(/^typing · /m)).not.toContain('q quit');
      tmux.sendKeys('C-w');
      await tmux.waitFor(/^\/box *$/m);
      tmux.sendKeys('M-b', 'C-a');
      tmux.type('gpu-');
      tmux.sendKeys('C-e');
      tmux.type('q');
      await tmux.waitFor(/^\/gpu-box q/m);
      tmux.sendKeys('Left', 'C-k');
      await tmux.waitFor(/^\/gpu-box *$/m);
      // A paste from tmux (bracketed, as the app asked for): its line break is a space, not Enter.
      tmux.pasteText('x\ny');
      await tmux.waitFor(/^\/gpu-box x y/m);
      tmux.sendKeys('C-u');
      tmux.type('gpu');
      tmux.sendKeys('Enter');
      const filtered = await tmux.waitFor('1 of 2 workstations');
      expect(filtered).toContain('gpu-box');
      expect(filtered).not.toMatch(/^ +analysis /m);
      tmux.sendKeys('q');
      await tmux.waitFor('EXITED:0');
    },
    60_000,
  );
});
