import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../source/app/App.js';
import { openSession } from '../../../source/app/session/openSession.js';
import type { Session } from '../../../source/app/session/Session.js';
import { createTheme } from '../../../source/app/theme.js';
import { KEYS, type RenderedTui, renderTui } from '../../app/fakeTerminal.js';
import { testEnvironment } from '../../commands/commandHarness.js';

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

const CTRL_U = '\u0015';
const CTRL_W = '\u0017';
const CTRL_A = '\u0001';
const LEFT = '\u001B[D';
const ALT_B = '\u001Bb';
const ALT_F = '\u001Bf';

describe('the what-if fields', () => {
  it('take the usual editing keys: Ctrl-U clears, Left and Ctrl-A move, Ctrl-W deletes a word, Alt-B/F move by words', async () => {
    const session = await openSession({ env: testEnvironment(), demo: true });
    tui = renderTui(
      <App openSession={() => Promise.resolve(session)} theme={createTheme(false)} refreshMs={60_000} />,
      { columns: 80, rows: 24 },
    );
    await tui.waitFor('No workstations');
    await tui.type(':');
    await tui.waitFor(':dashboard');
    await tui.type(`policy${KEYS.enter}`);
    await tui.waitFor(/ALLOWED|DENIED/);
    await tui.type('w');
    await tui.waitFor('What if: a launch checked as');
    await tui.type('t');
    await tui.waitFor('typing · Enter done');
    // Ctrl-U empties the field rather than typing a u.
    await tui.type(CTRL_U);
    await tui.waitFor(/^Type _ {2}Purchase/m);
    await tui.type('t3.medum');
    await tui.type(LEFT.repeat(2));
    expect(tui.lastFrame()).toMatch(/^Type t3\.med_um /m);
    await tui.type('i');
    await tui.type(KEYS.enter);
    await tui.waitFor(/on t3\.medium in us-east-1/);

    await tui.type('a');
    await tui.waitFor('typing · Enter done');
    await tui.type('project=x grant=G-1');
    await tui.type(CTRL_W);
    await tui.waitFor(/^Type t3\.medium {2}Purchase on-demand {2}Tags project=x grant=G-_/m);
    await tui.type(CTRL_A);
    await tui.type('owner=a ');
    await tui.waitFor(/Tags owner=a _project=x grant=G-/);
    await tui.type(KEYS.enter);
    await tui.waitFor(/Tags owner=a project=x grant=G-$/m);

    // Alt-B and Alt-F move by words (and are not read as Esc, which would end the editing).
    await tui.type('a');
    await tui.waitFor('typing · Enter done');
    await tui.type(ALT_B);
    await tui.waitFor(/Tags owner=a project=x grant=_G-/);
    await tui.type(ALT_B);
    await tui.waitFor(/Tags owner=a project=x _grant=G-/);
    await tui.type(ALT_F);
    await tui.waitFor(/Tags owner=a project=x grant_=G-/);
    expect(tui.lastFrame()).toContain('typing · Enter done');
  });
});

/**
 * The what-if form opened on the policy page, its type field open (`t`), while the templates are
 * still loading: they arrive when the test calls `release` (a loaded machine parsing and verifying them).
 */
async function typeFieldBeforeTemplates(): Promise<{ view: RenderedTui; release: () => void }> {
  const session = await openSession({ env: testEnvironment(), demo: true });
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const slow: Session = Object.create(session);
  Object.defineProperty(slow, 'templates', {
    value: async () => {
      await released;
      return session.templates();
    },
  });
  const view = renderTui(
    <App openSession={() => Promise.resolve(slow)} theme={createTheme(false)} refreshMs={60_000} />,
    { columns: 80, rows: 24 },
  );
  tui = view;
  await view.waitFor('No workstations');
  await view.type(':');
  await view.waitFor(':dashboard');
  await view.type(`policy${KEYS.enter}`);
  await view.waitFor('Restrictions of profile');
  await view.type('w');
  await view.waitFor('Template loading…');
  await view.type('t');
  await view.waitFor('typing · Enter done');
  return { view, release };
}

describe('the what-if type field while the templates load', () => {
  it('keeps a type cleared before they arrive: their default does not come back over it', async () => {
    const { view, release } = await typeFieldBeforeTemplates();
    await view.type(CTRL_U);
    await view.waitFor(/^Type _ {2}Purchase/m);
    release();
    await view.waitFor(/^Template < \S+ >/m);
    expect(view.lastFrame()).toMatch(/^Type _ {2}Purchase/m);
    await view.type('t3.large');
    await view.type(KEYS.enter);
    await view.waitFor(/on t3\.large in us-east-1/);
  });

  it('puts the cursor after a default that arrives in the open field, so Ctrl-U clears all of it', async () => {
    const { view, release } = await typeFieldBeforeTemplates();
    release();
    await view.waitFor(/^Type \S+_ {2}Purchase/m);
    await view.type(CTRL_U);
    await view.waitFor(/^Type _ {2}Purchase/m);
  });
});
