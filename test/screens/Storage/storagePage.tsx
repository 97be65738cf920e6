import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { App } from '../../../source/app/App.js';
import type { Session } from '../../../source/app/session/Session.js';
import { createTheme } from '../../../source/app/theme.js';
import { KEYS, type RenderedTui, renderTui } from '../../app/fakeTerminal.js';

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

/** The app on the demo session, on the storage page once `ready` shows (unmounted after each test). */
export async function openStoragePage(
  session: Session,
  ready: string | RegExp,
  size = { columns: 120, rows: 40 },
): Promise<RenderedTui> {
  tui = renderTui(
    <App openSession={() => Promise.resolve(session)} theme={createTheme(false)} refreshMs={60_000} />,
    size,
  );
  await tui.waitFor(/thesis|No workstations/);
  await tui.type(':');
  await tui.waitFor(':dashboard');
  await tui.type(`storage${KEYS.enter}`);
  await tui.waitFor(ready);
  return tui;
}

/** The session's audit log as text (empty before the first entry). */
export async function auditLog(session: Session): Promise<string> {
  return readFile(join(session.operationsContext().stateDir, 'audit.jsonl'), 'utf8').catch(() => '');
}
