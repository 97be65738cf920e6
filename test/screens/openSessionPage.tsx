import { App } from '../../source/app/App.js';
import type { Session } from '../../source/app/session/Session.js';
import { createTheme } from '../../source/app/theme.js';
import { KEYS, type RenderedTui, renderTui } from '../app/fakeTerminal.js';

/** The app on a session the test built, at 110x30 unless told, on the page `:command` opens. */
export async function openSessionPage(
  session: Session,
  command: string,
  size: { columns: number; rows: number } = { columns: 110, rows: 30 },
): Promise<RenderedTui> {
  const tui = renderTui(
    <App openSession={() => Promise.resolve(session)} theme={createTheme(false)} refreshMs={60_000} />,
    size,
  );
  await tui.waitFor('Dashboard');
  await tui.type(':');
  await tui.type(`${command}${KEYS.enter}`);
  return tui;
}
