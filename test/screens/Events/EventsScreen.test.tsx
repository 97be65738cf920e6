import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../source/app/App.js';
import { AppStore } from '../../../source/app/store/AppStore.js';
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
])('the message log at $columns x $rows', (size) => {
  it('keeps every message with its time and source, counts the unread, and :events reads them', async () => {
    const session = await openDemoSession();
    const store = new AppStore();
    tui = renderTui(
      <App
        openSession={() => Promise.resolve(session)}
        theme={createTheme(false)}
        refreshMs={60_000}
        store={store}
      />,
      size,
    );
    await tui.waitFor('0 workstations');
    store.flash('error', 'Stopping ws-1: throttled', 'try again in a minute');
    store.flash('info', 'Budget alert: $150.00 spent, 50% of the $300.00 budget', undefined, 'budget');
    store.flash('success', 'Starting ws-2');
    // The newest on the message line, the two before it counted as waiting.
    const frame = await tui.waitFor('Starting ws-2');
    expect(frame).toContain('3 new · :events');
    await tui.type(':');
    await tui.type('events');
    await tui.type(KEYS.enter);
    const events = await tui.waitFor('3 messages this session');
    const lines = events.split('\n');
    const row = (text: string) => lines.find((line) => line.includes(text)) ?? '';
    // Newest first, each with a time, a kind and where it came from.
    expect(row('Starting ws-2')).toMatch(/^> \d\d:\d\d:\d\d done +Dashboard/);
    expect(row('Budget alert')).toMatch(/\d\d:\d\d:\d\d info +budget/);
    expect(row('Stopping ws-1')).toMatch(/\d\d:\d\d:\d\d error +Dashboard/);
    expect(lines.findIndex((line) => line.includes('Starting ws-2'))).toBeLessThan(
      lines.findIndex((line) => line.includes('Stopping ws-1')),
    );
    expect(store.getState().unreadMessages).toBe(0);
    expect(events).not.toContain('new · :events');
    // The chosen message is read whole under the table, its hint too.
    await tui.type('G');
    expect(tui.lastFrame()).toContain('Stopping ws-1: throttled · try again in a minute');
    // The filter narrows the log.
    await tui.type('/');
    await tui.type('budget');
    await tui.type(KEYS.enter);
    const filtered = tui.lastFrame();
    expect(filtered).toContain('1 match');
    // (The message line under the page still shows the newest message.)
    expect(
      filtered.split('\n').filter((line) => /^[> ] \d\d:/.test(line) && line.includes('Starting')),
    ).toEqual([]);
  });
});
