import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { tempEnv } from '../../app/demoSession.js';
import { KEYS, type RenderedTui } from '../../app/fakeTerminal.js';
import { openDemoPage } from '../openDemoPage.js';

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

const CTRL_R = '\u0012';

/** What the page wrote straight to the terminal (OSC 52 copies). */
let written: string[] = [];

async function openAthena(env: NodeJS.ProcessEnv): Promise<RenderedTui> {
  written = [];
  tui = await openDemoPage(env, 'athena', written);
  await tui.waitFor('sensor_events');
  return tui;
}

describe('the Athena page', () => {
  it('lists the catalog, runs a multi-line query with Ctrl-Enter and shows rows, bytes scanned and cost', async () => {
    const screen = await openAthena(tempEnv());
    expect(screen.lastFrame()).toContain('cws_samples');
    await screen.type('SELECT station, tmax_c');
    await screen.type(KEYS.enter);
    await screen.type('FROM weather_daily LIMIT 5');
    expect(screen.lastFrame()).toMatch(/SELECT station, tmax_c[\s│]*\n.*FROM weather_daily LIMIT 5/);
    await screen.type('\n');
    const frame = await screen.waitFor(/5 rows · 24\.0 MiB scanned, \$0\.000114/);
    expect(frame).toMatch(/\[station\]\s+tmax_c/);
    expect(frame).toContain('USW00094728');
  });

  it('shows a SQL error with its line and column, and recalls the query with up', async () => {
    const screen = await openAthena(tempEnv());
    await screen.type('SELECT nope FROM lab_spend');
    await screen.type(CTRL_R);
    await screen.waitFor(
      /Failed at line 1, column 8 \(the cursor is there\): SYNTAX_ERROR: line 1:8: Column 'nope'/,
    );
    // The cursor is on the error: typing there inserts before 'nope'.
    await screen.type('x');
    await screen.waitFor(/│SELECT xnope FROM lab_spend/);
    // Up on the first line recalls the last query run, down goes back to an empty editor.
    await screen.type(KEYS.up);
    await screen.waitFor(/│SELECT nope FROM lab_spend/);
    await screen.type(KEYS.down);
    await screen.waitFor(/│ {20,}│\n.*\n.*\n.*\n.*\n.*╰/);
  });

  it('pages a 100,000-row result in as the cursor moves, copies a cell and exports every row as CSV', async () => {
    const env = tempEnv();
    // The export goes to the user's home directory: this test's own.
    const realHome = process.env.HOME;
    process.env.HOME = env.HOME;
    onTestFinished(() => {
      process.env.HOME = realHome;
    });
    const screen = await openAthena(env);
    await screen.type('SELECT event_id, sensor FROM sensor_events');
    await screen.type(CTRL_R);
    await screen.waitFor(/1000\+ rows · /);
    await screen.type(KEYS.tab);
    await screen.type(KEYS.pageDown.repeat(60));
    await screen.waitFor(/2000\+ rows · /);
    await screen.type('y');
    await screen.waitFor(/sent to the terminal's clipboard/);
    // The selected row's first column (event_id 961), as OSC 52.
    expect(written).toContain(`\u001B]52;c;${Buffer.from('961').toString('base64')}\u0007`);
    // Far down and back to the top: the first page was let go and is fetched again.
    // A burst of keys stops at the rows known; each wait lets the next page arrive, as a reader would.
    for (const known of [3, 4, 5, 6]) {
      await screen.type(KEYS.pageDown.repeat(70));
      await screen.waitFor(new RegExp(`${known}000\\+ rows · `));
    }
    await screen.type(KEYS.pageUp.repeat(400));
    const top = await screen.waitFor(/> +1 +sensor-00/);
    expect(top).toMatch(/1-\d+\/\d[\d,]*/);
    await screen.type('e');
    const exported = await screen.waitFor(/Exported 100000 rows to (\S+\.csv)/);
    const path = /Exported 100000 rows to (\S+\.csv)/.exec(exported)?.[1] ?? '';
    expect(path.startsWith(join(env.HOME ?? '', 'athena-'))).toBe(true);
    const csv = readFileSync(path, 'utf8').split('\n');
    expect(csv[0]).toBe('event_id,sensor');
    expect(csv[100_000]).toBe('100000,sensor-31');
    expect(existsSync(`${path}.partial`)).toBe(false);
  });
});
