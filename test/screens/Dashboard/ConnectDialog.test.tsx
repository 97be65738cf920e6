import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../source/app/App.js';
import { createTheme } from '../../../source/app/theme.js';
import { openDemoSession, seedWorkstation } from '../../app/demoSession.js';
import { KEYS, type RenderedTui, renderTui } from '../../app/fakeTerminal.js';

const TOKEN = '3f9c2a7be41d0c58e6f7a9b2c4d1e0f3a5b7c9d2e4f6a8b0c1d3e5f7a9b2c4d6';
let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

async function showThesis(
  size: { columns: number; rows: number },
  options: { env?: NodeJS.ProcessEnv; written?: string[]; handedOver?: Array<() => Promise<number>> } = {},
) {
  const session = await openDemoSession();
  // A token as long as a real Jupyter one, wherever the session finds it.
  const plan = session.connectionPlan.bind(session);
  session.connectionPlan = async (...args) => {
    const planned = await plan(...args);
    return planned.kind === 'url' ? { ...planned, url: `${planned.url}?token=${TOKEN}` } : planned;
  };
  await seedWorkstation(session, 'thesis');
  await seedWorkstation(session, 'thesis-2');
  tui = renderTui(
    <App
      openSession={() => Promise.resolve(session)}
      theme={createTheme(false)}
      refreshMs={60_000}
      env={options.env ?? {}}
      {...(options.written ? { writeToTerminal: (text: string) => options.written?.push(text) } : {})}
      {...(options.handedOver
        ? {
            handOverTerminal: (run: () => Promise<number>) => {
              options.handedOver?.push(run);
              return Promise.resolve(0);
            },
          }
        : {})}
    />,
    size,
  );
  await tui.waitFor('thesis-2');
  return tui;
}

describe('c on the dashboard', () => {
  it('shows the whole URL and tunnel command at 80 columns, and y copies the URL with OSC 52', async () => {
    const written: string[] = [];
    const shown = await showThesis({ columns: 80, rows: 24 }, { written });
    await shown.type('c');
    const frame = await shown.waitFor('Tunnel');
    expect(frame.slice(frame.indexOf('Connect to'))).not.toContain('…');
    expect(frame).toMatch(/> Open +http:\/\/localhost:8888/);
    await shown.type('y');
    await shown.waitFor("sent to the terminal's clipboard");
    const copy = written.find((text) => text.startsWith('\u001B]52;c;'));
    const url = Buffer.from(copy?.slice(7, -1) ?? '', 'base64').toString('utf8');
    expect(url).toBe(`http://localhost:8888/lab?token=${TOKEN}`);
    // The URL's rows, put back together, are the whole URL.
    const rows = frame.split('\n').flatMap((line) => /^\| (?:> Open {3}| {9})(\S+)/.exec(line)?.[1] ?? []);
    expect(rows.join('')).toContain(url);
  });

  it('gives each workstation its own tunnel port', async () => {
    const shown = await showThesis({ columns: 120, rows: 40 });
    await shown.type('c');
    const first = await shown.waitFor(/-L (\d+):localhost:8888/);
    await shown.type(KEYS.esc, 80);
    await shown.type('j');
    await shown.type('c');
    const second = await shown.waitFor(/Connect to thesis-2[\s\S]*-L \d+:localhost:8888/);
    const port = (frame: string) => /-L (\d+):localhost:8888/.exec(frame)?.[1];
    expect(port(second)).not.toBe(port(first));
  });

  it('Enter hands the terminal over and the dialog stays, saying how it ended', async () => {
    const handedOver: Array<() => Promise<number>> = [];
    const shown = await showThesis({ columns: 120, rows: 40 }, { handedOver });
    await shown.type('c');
    await shown.waitFor('Enter open the tunnel');
    await shown.type(KEYS.enter);
    await shown.waitFor('Tunnel closed.');
    expect(handedOver).toHaveLength(1);
    expect(shown.lastFrame()).toContain('Connect to thesis');
  });

  it('takes Esc and Enter read together as Esc: the dialog closes and nothing connects', async () => {
    const handedOver: Array<() => Promise<number>> = [];
    const shown = await showThesis({ columns: 80, rows: 24 }, { handedOver });
    await shown.type('c');
    await shown.waitFor('Enter open the tunnel');
    await shown.type(`${KEYS.esc}${KEYS.enter}`, 100);
    expect(shown.lastFrame()).not.toContain('Connect to thesis');
    expect(handedOver).toHaveLength(0);
  });

  it('says the copy cannot arrive when there is no terminal to copy to', async () => {
    const shown = await showThesis({ columns: 80, rows: 24 });
    await shown.type('c');
    await shown.waitFor('Tunnel');
    await shown.type('y');
    await shown.waitFor('no terminal clipboard');
  });

  it('y on the dashboard copies the row id, and Ctrl-A marks every row', async () => {
    const written: string[] = [];
    const shown = await showThesis({ columns: 80, rows: 24 }, { written });
    await shown.type('y');
    const frame = await shown.waitFor("sent to the terminal's clipboard");
    const id = /(i-[0-9a-f]+): sent/.exec(frame)?.[1] ?? '';
    expect(written).toContain(`\u001B]52;c;${Buffer.from(id).toString('base64')}\u0007`);
    await shown.type('\u0001');
    await shown.waitFor('2 marked');
  });

  it('connects, stops and starts from the details page', async () => {
    const shown = await showThesis({ columns: 80, rows: 24 });
    await shown.type(KEYS.enter);
    await shown.waitFor(/Dashboard > thesis/);
    await shown.waitFor('S stop');
    await shown.type('c');
    await shown.waitFor('Connect to thesis');
    await shown.type(KEYS.esc, 80);
    await shown.type('S');
    await shown.waitFor('Stopping thesis');
    await shown.waitFor('s start');
  });
});
