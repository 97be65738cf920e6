import { App } from '../../source/app/App.js';
import { createTheme } from '../../source/app/theme.js';
import { openDemoSession } from '../app/demoSession.js';
import { KEYS, type RenderedTui, renderTui } from '../app/fakeTerminal.js';

/**
 * The app on the demo account at 120x32, on the page `:command` opens; what it writes straight to
 * the terminal (OSC 52 copies) goes to `written`.
 */
export async function openDemoPage(
  env: NodeJS.ProcessEnv,
  command: string,
  written: string[],
): Promise<RenderedTui> {
  const session = await openDemoSession(env);
  const tui = renderTui(
    <App
      openSession={() => Promise.resolve(session)}
      theme={createTheme(false)}
      refreshMs={60_000}
      writeToTerminal={(sequence) => written.push(sequence)}
      env={{}}
    />,
    { columns: 120, rows: 32 },
  );
  await tui.waitFor('Dashboard');
  await tui.type(':');
  await tui.waitFor(':dashboard');
  await tui.type(`${command}${KEYS.enter}`);
  return tui;
}
