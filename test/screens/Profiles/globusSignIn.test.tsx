import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../source/app/App.js';
import { openSession } from '../../../source/app/session/openSession.js';
import { createTheme } from '../../../source/app/theme.js';
import { KEYS, type RenderedTui, renderTui } from '../../app/fakeTerminal.js';
import { testEnvironment } from '../../commands/commandHarness.js';

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

describe('g on the profile page', () => {
  it('signs in to the simulated Globus with the code pasted into a dialog', async () => {
    const env = testEnvironment();
    tui = renderTui(
      <App
        openSession={(profile) => openSession({ env, demo: true, profile })}
        theme={createTheme(false)}
        refreshMs={60_000}
      />,
      { columns: 200, rows: 40 },
    );
    await tui.waitFor('No workstations');
    await tui.type(':');
    await tui.waitFor(':dashboard');
    await tui.type(`profiles${KEYS.enter}`);
    await tui.waitFor('This session: profile');
    await tui.type('g');
    await tui.waitFor('paste it here');
    await tui.type('DEMO-00000000');
    await tui.type(KEYS.enter);
    await tui.waitFor('the code is not valid');
    await tui.waitFor('Esc, then g, signs in again');
    await tui.type(KEYS.esc);
    await tui.type('g');
    const frame = await tui.waitFor('paste it here');
    const code = /shows the code (DEMO-[0-9A-F]{8})/.exec(frame)?.[1];
    expect(code).toBeDefined();
    await tui.type(code ?? '');
    await tui.type(KEYS.enter);
    await tui.waitFor('Signed in to Globus as ada@example.edu');
    expect((await stat(join(env.CWS_STATE_DIR ?? '', 'globus', 'session.json'))).mode & 0o777).toBe(0o600);
  });
});
