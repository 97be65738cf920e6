import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

it('the templates browser counts the templates with errors and their errors apart', async () => {
  const env = tempEnv();
  const directory = join(env.CWS_CONFIG_DIR ?? '', 'templates');
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, 'two.yml'), 'name: Two\nbase: ubuntu-24.04\nports: [70000, 0]\n');
  writeFileSync(join(directory, 'one.yml'), 'name: One\nbase: ami-based\n');
  const session = await openDemoSession(env);
  tui = renderTui(
    <App openSession={() => Promise.resolve(session)} theme={createTheme(false)} refreshMs={60_000} />,
    { columns: 140, rows: 30 },
  );
  await tui.waitFor('workstations');
  await tui.type(':');
  await tui.type('templates');
  await tui.type(KEYS.enter);
  await tui.waitFor('2 templates with 3 errors: cws-tui templates validate');
  expect(tui.lastFrame()).toContain('2 templates with 3 errors');
});
