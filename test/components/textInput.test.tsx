import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../source/app/App.js';
import { PASTE_LIMIT_CHARS } from '../../source/app/keys/BracketedPaste.js';
import { createTheme } from '../../source/app/theme.js';
import { openDemoSession, seedWorkstation } from '../app/demoSession.js';
import { KEYS, type RenderedTui, renderTui } from '../app/fakeTerminal.js';

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

const paste = (text: string) => `\u001B[200~${text}\u001B[201~`;
const EDIT = {
  left: '\u001B[D',
  home: '\u001B[H',
  ctrlA: '\u0001',
  ctrlE: '\u0005',
  ctrlU: '\u0015',
  ctrlW: '\u0017',
  ctrlK: '\u000B',
  altB: '\u001Bb',
} as const;

async function dashboard(size = { columns: 80, rows: 24 }) {
  const session = await openDemoSession();
  await seedWorkstation(session, 'analysis-1');
  await seedWorkstation(session, 'gpu-box');
  tui = renderTui(
    <App openSession={() => Promise.resolve(session)} theme={createTheme(false)} refreshMs={60_000} />,
    size,
  );
  await tui.waitFor('gpu-box');
  return tui;
}

describe('text fields', () => {
  it('edit with the usual keys, and the footer says typing while the global keys are off', async () => {
    const view = await dashboard();
    await view.type('/');
    await view.type('box one');
    expect(view.lastFrame()).toMatch(/^typing · /m);
    expect(view.lastFrame()).not.toContain('q quit');
    await view.type(EDIT.ctrlW);
    await view.type(EDIT.altB);
    await view.type(EDIT.ctrlA);
    await view.type('gpu-');
    await view.type(EDIT.ctrlE);
    await view.type('q');
    expect(view.lastFrame()).toMatch(/^\/gpu-box q_/m);
    await view.type(EDIT.left);
    await view.type(EDIT.ctrlK);
    await view.type(EDIT.home);
    await view.type(EDIT.ctrlU);
    expect(view.lastFrame()).toMatch(/^\/_g/m);
    await view.type(KEYS.enter);
    const frame = await view.waitFor('1 of 2 workstations');
    expect(frame).toContain('gpu-box');
    expect(frame).not.toContain('analysis-1');
  });

  it('take a paste as one edit: newlines are not Enter, keys in it do not act', async () => {
    const view = await dashboard();
    await view.type('/');
    await view.type(paste('gpu\nq'));
    expect(view.lastFrame()).toMatch(/^\/gpu q_/m);
    expect(view.lastFrame()).toContain('typing ·');
  });

  it('take a paste of 1 MB in one update, and refuse a larger one whole', async () => {
    const view = await dashboard();
    await view.type('/');
    const before = view.output.frames.length;
    await view.type(paste('a'.repeat(PASTE_LIMIT_CHARS)), 200);
    expect(view.output.frames.length - before).toBeLessThan(5);
    expect(view.lastFrame()).toMatch(/^\/…a+_/m);
    await view.type(EDIT.ctrlU);
    await view.type(paste('b'.repeat(PASTE_LIMIT_CHARS + 1)), 200);
    await view.waitFor('Paste refused: 1,025 KB is over the limit of 1 MB');
    expect(view.lastFrame()).not.toMatch(/^\/…?b/m);
  });
});
