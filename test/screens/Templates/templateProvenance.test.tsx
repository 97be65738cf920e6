import { afterEach, expect, it } from 'vitest';
import { App } from '../../../source/app/App.js';
import { createTheme } from '../../../source/app/theme.js';
import { openDemoSession, tempEnv } from '../../app/demoSession.js';
import { KEYS, type RenderedTui, renderTui } from '../../app/fakeTerminal.js';

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

it("the template details show who signed the built-in, naming a checkout's development key", async () => {
  const session = await openDemoSession(tempEnv());
  tui = renderTui(
    <App openSession={() => Promise.resolve(session)} theme={createTheme(false)} refreshMs={60_000} />,
    { columns: 120, rows: 40 },
  );
  const view = tui;
  await view.waitFor('workstations');
  await view.type(':');
  await view.type('templates');
  await view.type(KEYS.enter);
  await view.waitFor(/> amazon-linux-2023/);
  await view.type(KEYS.enter);
  const frame = await view.waitFor('Provenance');
  expect(frame).toMatch(/Provenance +built-in, signed with the DEVELOPMENT key \(SHA256:/);
});
