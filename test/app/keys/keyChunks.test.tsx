import { setTimeout as sleep } from 'node:timers/promises';
import { Text } from 'ink';
import { useMemo, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../source/app/App.js';
import type { Action } from '../../../source/app/keys/Action.js';
import { KeyDispatcher } from '../../../source/app/keys/KeyDispatcher.js';
import { KeyDispatcherContext } from '../../../source/app/keys/KeyDispatcherContext.js';
import { RenderCommitProbe } from '../../../source/app/keys/RenderCommitProbe.js';
import { RenderCommitSignal } from '../../../source/app/keys/RenderCommitSignal.js';
import { useActions } from '../../../source/app/keys/useActions.js';
import { useKeyInput } from '../../../source/app/keys/useKeyInput.js';
import { createTheme } from '../../../source/app/theme.js';
import { openDemoSession, seedWorkstation } from '../demoSession.js';
import { KEYS, type RenderedTui, renderTui } from '../fakeTerminal.js';

let rendered: RenderedTui | undefined;
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
});

type Field = 'name' | 'note';

/**
 * Two text fields behind the real key input, dispatcher and action maps: `/` opens the name field,
 * Down moves to the note field, Esc closes; `q` is a global key. Every key lands in `log` under the
 * binding that took it.
 */
function Fields({ log }: { log: string[] }) {
  const [field, setField] = useState<Field | undefined>(undefined);
  const act = (key: string, entry: string, next: Field | undefined): Action => ({
    key,
    label: entry,
    run: () => {
      log.push(entry);
      setField(next);
    },
  });
  const actions: Action[] = field
    ? [act('down', `${field}:down`, 'note'), act('esc', `${field}:esc`, undefined)]
    : [act('/', 'screen:/', 'name')];
  const typeInto = (text: string): boolean => {
    log.push(`${field}:${text}`);
    return true;
  };
  useActions(actions, { typing: field !== undefined, ...(field ? { onText: typeInto } : {}) });
  useActions([{ key: 'q', label: 'quit', run: () => log.push('global:q') }], { layer: 'global' });
  return <Text>{field ?? 'no field'}</Text>;
}

function Harness({ log }: { log: string[] }) {
  const dispatcher = useMemo(() => new KeyDispatcher(), []);
  const commits = useMemo(() => new RenderCommitSignal(), []);
  return (
    <KeyDispatcherContext.Provider value={dispatcher}>
      <KeyInput dispatcher={dispatcher} commits={commits} />
      <Fields log={log} />
      <RenderCommitProbe signal={commits} />
    </KeyDispatcherContext.Provider>
  );
}

function KeyInput(props: { dispatcher: KeyDispatcher; commits: RenderCommitSignal }) {
  useKeyInput({ ...props, fits: true, quit: () => {}, refusePaste: () => {} });
  return null;
}

/** Polls for a condition (never a fixed wait): each press waits for the frame before it. */
async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

async function typeInOneRead(raw: string, expectedPresses: number): Promise<string[]> {
  const log: string[] = [];
  const tui = renderTui(<Harness log={log} />, { columns: 40, rows: 10 });
  rendered = tui;
  await until(() => tui.output.frames.some((frame) => frame.includes('no field')), 'the first frame');
  await tui.type(raw, 0);
  await until(() => log.length >= expectedPresses, `${expectedPresses} presses`);
  return log;
}

describe('keys read together in one chunk', () => {
  it('routes each key to the binding that holds the keys once the key before it has changed the mode', async () => {
    // `/` opens the field and gpu is typed into it; Esc (read with q as Alt+q, which nothing takes)
    // closes it, and q reaches the global binding, not the field it closed.
    const log = await typeInOneRead(`/gpu${KEYS.esc}q`, 6);
    expect(log).toEqual(['screen:/', 'name:g', 'name:p', 'name:u', 'name:esc', 'global:q']);
  });

  it('holds the next read-event of the chunk until the field a Down moved to is on screen', async () => {
    // Ink hands the chunk over as events back to back (`/`, Down, `ab`, Alt+q): each must wait for
    // the render the one before caused, or Down misses the field `/` opened and `ab` the one Down
    // moved to.
    const log = await typeInOneRead(`/${KEYS.down}ab${KEYS.esc}q`, 6);
    expect(log).toEqual(['screen:/', 'name:down', 'note:a', 'note:b', 'note:esc', 'global:q']);
  });
});

describe('the app with keys read in one chunk', () => {
  it('types into the filter, clears it with Esc, then moves the selection with j, all from one read', async () => {
    const session = await openDemoSession();
    for (const name of ['analysis-1', 'gpu-box']) await seedWorkstation(session, name);
    const tui = renderTui(
      <App openSession={() => Promise.resolve(session)} theme={createTheme(false)} refreshMs={60_000} />,
      { columns: 100, rows: 30 },
    );
    rendered = tui;
    await tui.waitFor('gpu-box');
    await tui.type(`/gpu${KEYS.esc}j`, 0);
    // j reached the dashboard (the second row is selected) once Esc had cleared the filter: had it
    // reached the field, the filter would read `gpuj` and match nothing.
    const frame = await tui.waitFor(/^ {2}analysis-1[^\n]*\n> gpu-box/m);
    expect(frame).toContain('2 workstations');
    expect(frame).not.toMatch(/^\/gpu/m);
    expect(tui.output.frames.some((written) => written.includes('gpuj'))).toBe(false);
  });
});
