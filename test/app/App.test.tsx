import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../source/app/App.js';
import { pages } from '../../source/app/pages/pageRegistry.js';
import type { Session } from '../../source/app/session/Session.js';
import { AppStore } from '../../source/app/store/AppStore.js';
import { createTheme } from '../../source/app/theme.js';
import { CloudError } from '../../source/core/CloudError.js';
import { openDemoSession, seedWorkstation, sessionListing } from './demoSession.js';
import { KEYS, type RenderedTui, renderTui } from './fakeTerminal.js';

const SIZES = [
  { columns: 80, rows: 24 },
  { columns: 120, rows: 40 },
] as const;

let rendered: RenderedTui | undefined;
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
});

async function seededSession(
  names: readonly string[] = ['analysis-1', 'analysis-2', 'gpu-box'],
): Promise<Session> {
  const session = await openDemoSession();
  for (const name of names) await seedWorkstation(session, name);
  return session;
}

function show(
  session: Session | Promise<Session>,
  size: { columns: number; rows: number },
  refreshMs = 60_000,
) {
  rendered = renderTui(
    <App openSession={() => Promise.resolve(session)} theme={createTheme(false)} refreshMs={refreshMs} />,
    size,
  );
  return rendered;
}

const selectedLine = (frame: string) => frame.split('\n').find((line) => line.startsWith('>')) ?? '';

describe.each(SIZES)('the shell at $columns x $rows', (size) => {
  it('paints a header, the dashboard and the footer, never taller than the terminal', async () => {
    const tui = show(await seededSession(), size);
    await tui.waitFor('analysis-2');
    const frame = await tui.waitFor(/\$0\.\d{4}\/h/);
    expect(frame).toContain('[DEMO]');
    expect(frame).toContain('profile demo');
    expect(frame).toContain('us-east-1 +3 regions');
    expect(frame).toMatch(/account \d{12}/);
    expect(frame).toContain('Dashboard');
    expect(frame).toContain('3 workstations');
    expect(frame).toContain('s start');
    // The screen's keys first; what does not fit gives way to `? more`.
    expect(frame.split('\n').at(-1)).toMatch(
      size.columns === 80 ? /^c connect {2}s start .*\? more$/ : /^c connect {2}s start .*\? (help|more)$/,
    );
    for (const written of tui.output.frames) {
      const lines = written.replace(/\n$/, '').split('\n');
      expect(lines.length).toBeLessThanOrEqual(size.rows - 1);
      for (const line of lines)
        expect(Array.from(line.replace(/\u001B\[[0-9;]*m/g, '')).length).toBeLessThanOrEqual(size.columns);
    }
  });

  it('moves the selection with j, k, arrows, G and g', async () => {
    const tui = show(await seededSession(), size);
    await tui.waitFor('gpu-box');
    expect(selectedLine(tui.lastFrame())).toContain('analysis-1');
    await tui.type('j');
    expect(selectedLine(tui.lastFrame())).toContain('analysis-2');
    await tui.type(KEYS.down);
    expect(selectedLine(tui.lastFrame())).toContain('gpu-box');
    await tui.type('k');
    expect(selectedLine(tui.lastFrame())).toContain('analysis-2');
    await tui.type('G');
    expect(selectedLine(tui.lastFrame())).toContain('gpu-box');
    await tui.type('g');
    expect(selectedLine(tui.lastFrame())).toContain('analysis-1');
    await tui.type(KEYS.pageDown);
    expect(selectedLine(tui.lastFrame())).toContain('gpu-box');
  });

  it('takes an arrow key split across two reads for an arrow, not for Esc', async () => {
    const tui = show(await seededSession(), size);
    await tui.waitFor('gpu-box');
    await tui.type(KEYS.enter);
    // The details page's own keys are in the footer: its code has loaded (keys typed earlier wait).
    await tui.waitFor(/Dashboard > analysis-1[\s\S]*connect/);
    // Esc on the details page would go back: the split arrow must not.
    // The second half arrives as a read of its own, within the hold time.
    await tui.type('\u001B', 0);
    await tui.type('[B');
    expect(tui.lastFrame()).toContain('Dashboard > analysis-1');
    await tui.type(KEYS.esc, 80);
    expect(tui.lastFrame()).not.toContain('Dashboard > analysis-1');
    // The second half arrives as a read of its own, within the hold time.
    await tui.type('\u001B', 0);
    await tui.type('[B');
    expect(selectedLine(tui.lastFrame())).toContain('analysis-2');
  });
});

describe('the key dispatcher', () => {
  it('gives typed text to the filter, not to global or screen keys, and Esc clears it', async () => {
    const tui = show(await seededSession(), SIZES[0]);
    await tui.waitFor('gpu-box');
    // Keys read together, as over a slow link: the filter opens, then gets the text.
    await tui.type('/gp');
    await tui.type('u');
    await tui.type('q');
    await tui.type('s');
    let frame = tui.lastFrame();
    expect(frame).toContain('/gpuqs');
    expect(frame).not.toContain('Starting');
    await tui.type(KEYS.backspace);
    await tui.type(KEYS.backspace);
    await tui.type(KEYS.enter);
    frame = tui.lastFrame();
    expect(frame).toContain('1 of 3 workstations');
    expect(frame).toContain('gpu-box');
    expect(frame).not.toContain('analysis-1');
    await tui.type(KEYS.esc, 80);
    frame = tui.lastFrame();
    expect(frame).toContain('analysis-1');
    expect(frame).not.toContain('/gpu');
  });

  it('lets a dialog take every key: q in the confirmation is text, not quit', async () => {
    const tui = show(await seededSession(['analysis-1']), SIZES[1]);
    await tui.waitFor('analysis-1');
    await tui.type(KEYS.ctrlD);
    await tui.waitFor('Type analysis-1 to confirm');
    await tui.type('q');
    await tui.type(KEYS.enter);
    expect(tui.lastFrame()).toContain('That is not "analysis-1"');
    await tui.type(KEYS.esc, 80);
    expect(tui.lastFrame()).not.toContain('to confirm');
    expect(tui.lastFrame()).toContain('analysis-1');
  });

  it('opens help with ?, listing the screen keys and the global keys from the action maps', async () => {
    const tui = show(await seededSession(), SIZES[1]);
    await tui.waitFor('gpu-box');
    await tui.type('?');
    const frame = await tui.waitFor('Keys on Dashboard');
    expect(frame).toContain('Dashboard > Help');
    expect(frame).toMatch(/\^D\s+terminate/);
    expect(frame).toMatch(/S\s+stop/);
    expect(frame).toMatch(/j Down\s+down/);
    expect(frame).toContain('Keys everywhere');
    expect(frame).toMatch(/:\s+cmd/);
    expect(frame).toContain(':dashboard');
    await tui.type(KEYS.esc, 80);
    expect(tui.lastFrame()).not.toContain('Keys on Dashboard');
  });

  it('runs palette commands with completion and offers only pages that exist', async () => {
    const tui = show(await seededSession(), SIZES[1]);
    await tui.waitFor('gpu-box');
    await tui.type(':');
    let frame = await tui.waitFor(':dashboard');
    expect(frame).toContain(':help');
    const registered = new Set([...pages.flatMap((page) => (page.command ? [page.command] : [])), 'quit']);
    const listed = [...frame.matchAll(/^\|? *>? +:([a-z-]+)/gm)].map((match) => match[1]);
    expect(listed.length).toBeGreaterThan(0);
    for (const name of listed) expect(registered).toContain(name);
    await tui.type('q');
    expect(tui.lastFrame()).toContain(':quit');
    await tui.type(`zz${KEYS.enter}`);
    expect(tui.lastFrame()).toContain("No command ':qzz'");
    for (let typed = 0; typed < 3; typed++) await tui.type(KEYS.backspace, 10);
    await tui.type('he');
    await tui.type(KEYS.tab);
    expect(tui.lastFrame()).toContain(':help');
    await tui.type(KEYS.enter);
    frame = await tui.waitFor('Keys everywhere');
    expect(frame).toContain('Dashboard > Help');
  });

  it('quits with q and with Ctrl-C', async () => {
    const session = await seededSession([]);
    const tui = show(session, SIZES[0]);
    await tui.waitFor('No workstations');
    await tui.type('q');
    await expect(tui.exited).resolves.toBeUndefined();
    const again = show(session, SIZES[0]);
    await again.waitFor('No workstations');
    await again.type(KEYS.ctrlC);
    await expect(again.exited).resolves.toBeUndefined();
  });
});

describe('the dashboard actions', () => {
  it('stops, starts and terminates (after the name is typed) through the session', async () => {
    const tui = show(await seededSession(['analysis-1', 'keep-me']), SIZES[1], 100);
    await tui.waitFor(/analysis-1.*running/);
    await tui.type('S');
    await tui.waitFor('Stopping analysis-1');
    await tui.waitFor(/> analysis-1.*stopped/);
    await tui.type('s');
    await tui.waitFor('Starting analysis-1');
    await tui.waitFor(/> analysis-1.*running/);
    await tui.type(KEYS.ctrlD);
    await tui.waitFor('Type analysis-1 to confirm');
    // The name and Enter in one read, as a paste or a slow link delivers them.
    await tui.type(`analysis-1${KEYS.enter}`);
    await tui.waitFor('Terminating analysis-1');
    await tui.waitFor(/analysis-1.*terminated/);
    expect(tui.lastFrame()).toMatch(/keep-me.*running/);
  });

  it('marks rows with space and acts on all of them', async () => {
    const tui = show(await seededSession(), SIZES[1], 100);
    await tui.waitFor('gpu-box');
    await tui.type(' ');
    await tui.type('j');
    await tui.type('j');
    await tui.type(' ');
    expect(tui.lastFrame()).toContain('2 marked');
    // Several rows: asked first; Esc leaves them running.
    await tui.type('S');
    await tui.waitFor('Stop 2 workstations?');
    expect(tui.lastFrame()).toMatch(/analysis-1, gpu-box/);
    await tui.type(KEYS.esc, 80);
    expect(tui.lastFrame()).not.toContain('Stop 2 workstations?');
    expect(tui.lastFrame()).toContain('2 marked');
    await tui.type('S');
    await tui.waitFor('Stop 2 workstations?');
    await tui.type(KEYS.enter);
    await tui.waitFor('Stopping 2 workstations');
    const frame = await tui.waitFor(/gpu-box.*stopped/);
    expect(frame).toMatch(/analysis-1.*stopped/);
    expect(frame).toMatch(/analysis-2.*running/);
  });

  it('shows a cloud error as a message with its hint, not a crash', async () => {
    const session = await openDemoSession();
    await seedWorkstation(session, 'no-hibernate', { hibernation: false });
    const tui = show(session, SIZES[1]);
    await tui.waitFor(/no-hibernate.*running/);
    await tui.type('h');
    const frame = await tui.waitFor(
      'Error: Hibernating no-hibernate: no-hibernate was not launched with hibernation',
    );
    expect(frame).toContain('Stop it instead');
    expect(frame).toMatch(/no-hibernate.*running/);
  });

  it('keeps the selection on the same workstation when a refresh reorders the rows', async () => {
    const session = await seededSession(['b-box', 'c-box']);
    const tui = show(session, SIZES[0], 50);
    await tui.waitFor('c-box');
    await tui.type('j');
    expect(selectedLine(tui.lastFrame())).toContain('c-box');
    await seedWorkstation(session, 'a-box');
    await tui.waitFor('a-box');
    expect(selectedLine(tui.lastFrame())).toContain('c-box');
  });

  it('draws names and tags from AWS without their escape sequences', async () => {
    const tui = show(await seededSession(['\u001B]0;pwned\u0007evil\u001B[2J']), SIZES[1]);
    const frame = await tui.waitFor('evil');
    expect(frame).not.toContain('pwned');
    expect(tui.output.frames.join('')).not.toContain('\u001B]0;');
    expect(tui.output.frames.join('')).not.toContain('\u001B[2J');
  });

  it('shows how to connect, from the connection plan of the session', async () => {
    const tui = show(await seededSession(['analysis-1']), SIZES[0]);
    await tui.waitFor('analysis-1');
    await tui.type('c');
    await tui.waitFor('Connect to analysis-1');
    // python-ml is a Jupyter template: a web address reached through an SSH tunnel.
    const frame = await tui.waitFor(/Open |Run |No way in now/);
    expect(frame).toMatch(/> Open +http:\/\/localhost:8888/);
    expect(frame).toMatch(/Tunnel +ssh /);
    await tui.type(KEYS.esc, 80);
    expect(tui.lastFrame()).not.toContain('Connect to');
  });

  it('takes Esc then a key over a slow link as Esc and then the key, joined or not', async () => {
    const tui = show(await seededSession(), SIZES[1]);
    await tui.waitFor('gpu-box');
    await tui.type(KEYS.enter);
    await tui.waitFor(/Dashboard > analysis-1/);
    await tui.type(`${KEYS.esc}j`, 100);
    expect(tui.lastFrame()).not.toMatch(/Dashboard > analysis-1/);
    expect(selectedLine(tui.lastFrame())).toContain('analysis-2');
    await tui.type(KEYS.enter);
    await tui.waitFor(/Dashboard > analysis-2/);
    await tui.type(KEYS.esc, 20);
    await tui.type('j', 100);
    expect(tui.lastFrame()).not.toMatch(/Dashboard > analysis-2/);
    expect(selectedLine(tui.lastFrame())).toContain('gpu-box');
  });

  it('pauses the refresh while a dialog is open', async () => {
    const base = await seededSession(['analysis-1']);
    let listings = 0;
    const session = sessionListing(base, []);
    session.listWorkstations = async () => {
      listings++;
      return base.listWorkstations();
    };
    const tui = show(session, SIZES[0], 30);
    await tui.waitFor('analysis-1');
    // Each turn of a refresh loop (listing or skipping) ends by arming its next 30 ms timer: the
    // test counts turns, not milliseconds, so the machine's load cannot make it pass or fail.
    let turns = 0;
    const realSetTimeout = globalThis.setTimeout;
    const countTurns = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((
      callback: () => void,
      ms?: number,
      ...rest: unknown[]
    ) => {
      if (ms === 30) turns++;
      return Reflect.apply(realSetTimeout, globalThis, [callback, ms, ...rest]);
    }) as typeof setTimeout);
    try {
      await tui.type('c');
      await tui.waitFor('Connect to');
      // A listing already under way when the dialog opened may still finish: let both loops turn.
      const opened = turns;
      await vi.waitFor(() => expect(turns).toBeGreaterThanOrEqual(opened + 4));
      const whileOpen = listings;
      const settled = turns;
      await vi.waitFor(() => expect(turns).toBeGreaterThanOrEqual(settled + 10));
      expect(listings).toBe(whileOpen);
      await tui.type(KEYS.esc);
      await vi.waitFor(() => expect(listings).toBeGreaterThan(whileOpen));
    } finally {
      countTurns.mockRestore();
    }
  });
});

describe('the shell around the session', () => {
  it('paints its first frame before the session opens', async () => {
    rendered = renderTui(
      <App openSession={() => new Promise<Session>(() => {})} theme={createTheme(false)} refreshMs={5000} />,
      SIZES[0],
    );
    const frame = await rendered.waitFor('Opening the session');
    expect(frame).toContain('q quit');
  });

  it('shows a failed session open as a message with its hint', async () => {
    const failure = new CloudError({
      kind: 'credentials-expired',
      code: 'ExpiredToken',
      message: 'your AWS session expired',
      hint: 'Run aws sso login',
    });
    rendered = renderTui(
      <App openSession={() => Promise.reject(failure)} theme={createTheme(false)} refreshMs={5000} />,
      SIZES[0],
    );
    const frame = await rendered.waitFor('Could not open the session: your AWS session expired');
    expect(frame).toContain('Run aws sso login');
    await rendered.type('q');
    await expect(rendered.exited).resolves.toBeUndefined();
  });

  it('shows a clear view below 80x24 and comes back on resize', async () => {
    const tui = show(await seededSession(['analysis-1']), { columns: 70, rows: 20 });
    const frame = await tui.waitFor('Terminal too small');
    expect(frame).toContain('70x20, needs 80x24');
    tui.output.resize(80, 24);
    await tui.waitFor('analysis-1');
  });

  it('keeps every page, and what was typed in it, while the terminal is too small', async () => {
    const tui = show(await seededSession(['analysis-1']), { columns: 120, rows: 40 });
    await tui.waitFor('analysis-1');
    await tui.type('/');
    await tui.type('analy');
    await tui.waitFor('/analy');
    tui.output.resize(70, 20);
    await tui.waitFor('Terminal too small');
    await tui.type('j');
    tui.output.resize(120, 40);
    const frame = await tui.waitFor('/analy');
    expect(frame).toContain('analysis-1');
    expect(frame).not.toContain('/analyj');
  });

  it('uses the store it is given, so refresh results land in one place', async () => {
    const store = new AppStore();
    rendered = renderTui(
      <App
        openSession={() => seededSession(['analysis-1'])}
        theme={createTheme(false)}
        refreshMs={5000}
        store={store}
      />,
      SIZES[0],
    );
    await rendered.waitFor('analysis-1');
    expect(store.getState().workstations.map((w) => w.name)).toEqual(['analysis-1']);
    expect(store.getState().refreshedAt).toBeTypeOf('number');
  });
});
