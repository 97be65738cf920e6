import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { e2eWorkspace } from './e2eWorkspace.js';
import { TmuxSession, tmuxAvailable } from './tmuxSession.js';

/**
 * The built app in real terminals: `cws-tui serve --demo` in one tmux window, two TUIs with
 * `--attach` in two others. A stop pressed in one reaches the server and shows in the other.
 */
describe.skipIf(!tmuxAvailable())('cws-tui --attach in tmux', () => {
  const sessions: TmuxSession[] = [];
  const open = (line: string) => {
    const tmux = new TmuxSession(`${line}; echo "EXITED:$?"; sleep 600`, { columns: 120, rows: 40 });
    sessions.push(tmux);
    return tmux;
  };
  afterAll(() => {
    for (const tmux of sessions) tmux.kill();
  });

  it('two terminals share one serve: a stop in one shows in the other', async () => {
    const workspace = e2eWorkspace('cws-attach-');
    workspace.run('launch', 'python-ml', 'shared-1', '--size', 'S', '--demo');
    const server = open(workspace.appLine('serve --demo'));
    await server.waitFor('listening on unix:');
    expect(existsSync(join(workspace.env.CWS_STATE_DIR ?? '', 'serve.sock'))).toBe(true);

    const first = open(workspace.appLine('--attach --refresh 1'));
    const second = open(workspace.appLine('--attach --refresh 1'));
    await first.waitFor(/> shared-1 .*\brun(ning)?\b/);
    await second.waitFor(/> shared-1 .*\brun(ning)?\b/);
    expect(first.capture()).toContain('DEMO');

    first.sendKeys('S');
    await second.waitFor(/> shared-1 .*\bstop(ped)?\b/);
    await first.waitFor(/> shared-1 .*\bstop(ped)?\b/);

    first.sendKeys('q');
    await first.waitFor('EXITED:0');
    // The server is still there for the other terminal, which keeps working.
    second.sendKeys('s');
    await second.waitFor(/> shared-1 .*\brun(ning)?\b/);
  });

  it('says plainly, on the normal screen, that no serve is running', async () => {
    const workspace = e2eWorkspace('cws-attach-none-');
    const tui = open(workspace.appLine('--attach'));
    // The message is longer than the pane is wide: read it with tmux's wrapping undone.
    const after = (await tui.waitFor('EXITED:1')).replaceAll('\n', '');
    expect(after).toContain('cws-tui: no cws-tui serve is running:');
    expect(after).toContain('start one with `cws-tui serve` in another terminal');
  });
});
