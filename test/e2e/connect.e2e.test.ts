import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eWorkspace, e2eWorkspace } from './e2eWorkspace.js';
import { TmuxSession, tmuxAvailable } from './tmuxSession.js';

/**
 * The connect dialog in the built app, in tmux at 80x24 and 120x40 on the demo account: the URL
 * with its token is on screen whole, and `y` copies exactly it (tmux decodes the OSC 52 payload into
 * its paste buffer when `set-clipboard` is on); with tmux's defaults the dialog says the copy cannot
 * reach the terminal instead of claiming it did.
 */
describe.skipIf(!tmuxAvailable())('connecting from the built app in tmux', () => {
  let workspace: E2eWorkspace;
  const sessions: TmuxSession[] = [];

  beforeAll(() => {
    workspace = e2eWorkspace('cws-e2e-connect-');
    workspace.run('launch', 'python-ml', 'nb1', '--demo');
  });

  afterAll(() => {
    for (const tmux of sessions) tmux.kill();
  });

  it.each([
    { columns: 80, rows: 24 },
    { columns: 120, rows: 40 },
  ])('shows the whole URL at $columns x $rows and y copies it', async (size) => {
    const command = `${workspace.appLine('--demo')}; sleep 600`;
    const tmux = new TmuxSession(command, size);
    sessions.push(tmux);
    await tmux.waitFor(/> nb1 .*\brun(ning)?\b/);
    const dashboard = await tmux.waitFor(/^c connect/m);
    // The footer: the row's keys first, `? more` for what does not fit, never a cut word.
    const footer = dashboard.trimEnd().split('\n').at(-1) ?? '';
    expect(footer).toMatch(/^c connect {2}s start {2}S stop {2}h hibernate {2}\^D terminate/);
    expect(footer).toMatch(size.columns === 80 ? /\? more$/ : /\? (more|help)$/);
    expect(footer).not.toContain('…');
    tmux.sendKeys('c');
    const screen = await tmux.waitFor('Tunnel');
    const rows = screen.split('\n').flatMap((line) => /^│ (?:> Open {3}| {9})(\S+)/.exec(line)?.[1] ?? []);
    const url = /http:\/\/localhost:\d+\/lab\?token=[0-9a-f]{20,}/.exec(rows.join(''))?.[0];
    expect(url).toBeDefined();

    // tmux's defaults (allow-passthrough off, set-clipboard external) drop a program's OSC 52.
    tmux.sendKeys('y');
    await tmux.waitFor('tmux drops it here');

    tmux.setOption('set-clipboard', 'on');
    tmux.deleteBuffers();
    tmux.sendKeys('y');
    await tmux.waitFor("sent to the terminal's clipboard");
    expect(tmux.pasteBuffer()).toBe(url);
    tmux.sendKeys('Escape');
  });
});
