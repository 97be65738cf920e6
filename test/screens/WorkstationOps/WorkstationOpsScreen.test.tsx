import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../source/app/App.js';
import { createTheme } from '../../../source/app/theme.js';
import { openDemoSession, seedWorkstation } from '../../app/demoSession.js';
import { KEYS, type RenderedTui, renderTui } from '../../app/fakeTerminal.js';

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

describe('the workstation operations page', () => {
  it('shows the setup log, volumes, snapshots and idle state in tabs, and runs a command', async () => {
    const session = await openDemoSession();
    await seedWorkstation(session, 'thesis');
    tui = renderTui(
      <App openSession={() => Promise.resolve(session)} theme={createTheme(false)} refreshMs={60_000} />,
      {
        columns: 100,
        rows: 30,
      },
    );
    await tui.waitFor('thesis');
    await tui.type(KEYS.enter);
    await tui.waitFor('logs, volumes, snapshots, idle, exec');
    await tui.type('o');
    await tui.waitFor('CWS-PROGRESS ready');
    expect(tui.lastFrame()).toContain('1 Logs');
    await tui.type('2');
    await tui.waitFor('/dev/sda1');
    await tui.type('4');
    await tui.waitFor('template default');
    await tui.type('x');
    await tui.waitFor('Command (as the research user):');
    await tui.type(`whoami${KEYS.enter}`);
    await tui.waitFor('Exec as alice: success, exit 0');
    expect(tui.lastFrame()).toContain('alice');
  });
});
