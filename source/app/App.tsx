import { useMemo } from 'react';
import { KeyDispatcher } from './keys/KeyDispatcher.js';
import { KeyDispatcherContext } from './keys/KeyDispatcherContext.js';
import type { Session } from './session/Session.js';
import { ShellView } from './shell/ShellView.js';
import { AppStore } from './store/AppStore.js';
import { AppStoreContext } from './store/useAppState.js';
import { ThemeContext } from './ThemeContext.js';
import type { Theme } from './theme.js';

export interface AppProps {
  /** Called once the first frame is on screen, so a slow account never delays it; again on a profile switch. */
  openSession: (profile?: string) => Promise<Session>;
  theme: Theme;
  /** Dashboard refresh interval. */
  refreshMs: number;
  store?: AppStore;
  now?: () => number;
  /** Paints the whole terminal again (Ctrl-L), when the output can do that. */
  redraw?: () => void;
  /** Lends the terminal to another program (ssh) and takes it back, when there is a real terminal. */
  handOverTerminal?: (run: () => Promise<number>) => Promise<number>;
  /** Writes a control sequence (an OSC 52 copy) straight to the terminal, when there is one. */
  writeToTerminal?: (sequence: string) => void;
  /** TMUX decides how a copy reaches the terminal. */
  env?: NodeJS.ProcessEnv;
  /** `--readonly`: no key that changes anything works or is offered, and the header says so. */
  readonly?: boolean;
}

/**
 * The research portal: the theme, the store and the one key dispatcher around the shell. Every
 * screen's keys go through that dispatcher (dialog, then screen, then global keys).
 */
export function App({
  openSession,
  theme,
  refreshMs,
  store,
  now = Date.now,
  redraw,
  handOverTerminal,
  writeToTerminal,
  env = process.env,
  readonly = false,
}: AppProps) {
  const appStore = useMemo(() => store ?? new AppStore(), [store]);
  const dispatcher = useMemo(() => new KeyDispatcher(Date.now, { readonly }), [readonly]);
  return (
    <ThemeContext.Provider value={theme}>
      <AppStoreContext.Provider value={appStore}>
        <KeyDispatcherContext.Provider value={dispatcher}>
          <ShellView
            openSession={openSession}
            refreshMs={refreshMs}
            store={appStore}
            dispatcher={dispatcher}
            now={now}
            redraw={redraw}
            handOverTerminal={handOverTerminal}
            writeToTerminal={writeToTerminal}
            env={env}
            readonly={readonly}
          />
        </KeyDispatcherContext.Provider>
      </AppStoreContext.Provider>
    </ThemeContext.Provider>
  );
}
