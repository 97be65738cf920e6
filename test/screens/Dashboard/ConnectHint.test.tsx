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

describe('c on the dashboard', () => {
  it('shows how to connect, and Enter hands the terminal over and takes it back', async () => {
    const session = await openDemoSession();
    await seedWorkstation(session, 'thesis');
    const handedOver: Array<() => Promise<number>> = [];
    tui = renderTui(
      <App
        openSession={() => Promise.resolve(session)}
        theme={createTheme(false)}
        refreshMs={60_000}
        handOverTerminal={(run) => {
          handedOver.push(run);
          return Promise.resolve(0);
        }}
      />,
      { columns: 120, rows: 40 },
    );
    await tui.waitFor('thesis');
    await tui.type('c');
    await tui.waitFor('Connect to thesis');
    await tui.waitFor('Enter connects in this terminal');
    expect(tui.lastFrame()).toMatch(/Tunnel: ssh .*-L 8888:localhost:8888 alice@/);
    await tui.type(KEYS.enter);
    await tui.waitFor('thesis: connection closed');
    expect(handedOver).toHaveLength(1);
    expect(tui.lastFrame()).not.toContain('Connect to thesis');
  });

  it('says why it cannot hand the terminal over where there is none', async () => {
    const session = await openDemoSession();
    await seedWorkstation(session, 'thesis');
    tui = renderTui(
      <App openSession={() => Promise.resolve(session)} theme={createTheme(false)} refreshMs={60_000} />,
      { columns: 80, rows: 24 },
    );
    await tui.waitFor('thesis');
    await tui.type('c');
    await tui.waitFor('Enter connects');
    await tui.type(KEYS.enter);
    await tui.waitFor('cannot hand the terminal over');
  });
});
