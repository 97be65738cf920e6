import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eWorkspace, e2eWorkspace } from './e2eWorkspace.js';
import { TmuxSession, tmuxAvailable } from './tmuxSession.js';

/**
 * Text editing in the built app, in tmux at 80x24 and 120x40: the filter field takes Ctrl-W, Alt-B,
 * Ctrl-A, Ctrl-E, Left and Ctrl-K as a shell would, says it is typing (q is text), and a bracketed
 * paste from tmux (with a line break) is one edit that presses no Enter.
 */
describe.skipIf(!tmuxAvailable())('text fields in the built app in tmux', () => {
  let workspace: E2eWorkspace;
  const sessions: TmuxSession[] = [];

  beforeAll(() => {
    workspace = e2eWorkspace('cws-e2e-text-');
    for (const name of ['gpu-box', 'analysis']) {
      workspace.run('launch', 'python-ml', name, '--demo');
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
      const command = `${workspace.appLine('--demo')}; echo "EXITED:$?"; sleep 600`;
      const tmux = new TmuxSession(command, size);
      sessions.push(tmux);
      await tmux.waitFor(/> analysis .*\brun(ning)?\b/);
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
      // The field closed (its hint is back) before q: the live filter shows the count while typing,
      // and an Enter and a q read in one chunk would reach the field that Enter is closing.
      await tmux.waitFor(/^\/gpu \(\/ edit/m);
      const filtered = await tmux.waitFor('1 of 2 workstations');
      expect(filtered).toContain('gpu-box');
      expect(filtered).not.toMatch(/^ +analysis /m);
      tmux.sendKeys('q');
      await tmux.waitFor('EXITED:0');
    },
    60_000,
  );
});
