import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../source/app/App.js';
import { createTheme } from '../../../source/app/theme.js';
import { openDemoSession } from '../../app/demoSession.js';
import { KEYS, type RenderedTui, renderTui } from '../../app/fakeTerminal.js';

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

describe.each([
  { columns: 80, rows: 24 },
  { columns: 120, rows: 40 },
])('the help page at $columns x $rows', (size) => {
  async function showHelp() {
    const session = await openDemoSession();
    tui = renderTui(
      <App openSession={() => Promise.resolve(session)} theme={createTheme(false)} refreshMs={60_000} />,
      size,
    );
    await tui.waitFor('No workstations');
    await tui.type('?');
    await tui.waitFor('Keys on Dashboard');
    return tui;
  }

  it('scrolls to the commands at the end without drawing past the terminal', async () => {
    const view = await showHelp();
    for (const frame of view.output.frames)
      expect(frame.split('\n').length).toBeLessThanOrEqual(size.rows - 1);
    await view.type('G');
    const frame = view.lastFrame();
    expect(frame).toMatch(/:quit\s+leave cws-tui/);
    expect(frame).toMatch(/:help\s+keys and commands/);
    await view.type('g');
    expect(view.lastFrame()).toContain('Keys on Dashboard');
  });

  it('filters its entries with /', async () => {
    const view = await showHelp();
    await view.type('/');
    for (const key of 'term') await view.type(key, 10);
    await view.type(KEYS.enter);
    const frame = view.lastFrame();
    expect(frame).toMatch(/\^D\s+terminate/);
    expect(frame).not.toMatch(/S\s+stop/);
    await view.type(KEYS.esc, 80);
    await view.type(KEYS.esc, 80);
    expect(view.lastFrame()).not.toContain('Keys on Dashboard');
  });
});
