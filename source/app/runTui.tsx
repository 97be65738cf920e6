import { render } from 'ink';
import type { CommandFlags } from '../commands/CommandFlags.js';
import { App } from './App.js';
import { createTerminalScreen } from './terminalScreen.js';

export interface RunTuiOptions {
  flags: CommandFlags;
  env: NodeJS.ProcessEnv;
}

const EXIT_SIGNALS = ['SIGTERM', 'SIGHUP', 'SIGINT'] as const;

/** Opens the full-screen app and resolves with the exit code once the user quits. */
export async function runTui({ flags }: RunTuiOptions): Promise<number> {
  if (!process.stdin.isTTY) {
    process.stderr.write(
      'cws-tui: the interactive app needs a terminal. Run `cws-tui --help` for commands.\n',
    );
    return 1;
  }
  const screen = createTerminalScreen(process.stdout);
  const onSignal = () => {
    instance.unmount();
  };
  const onCrash = (error: unknown) => {
    instance.unmount();
    screen.restore();
    process.stderr.write(
      `cws-tui: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  };
  screen.enter();
  const instance = render(<App demo={flags.demo} />, { exitOnCtrlC: true, patchConsole: true, maxFps: 30 });
  for (const signal of EXIT_SIGNALS) process.once(signal, onSignal);
  process.once('uncaughtException', onCrash);
  try {
    await instance.waitUntilExit();
    return 0;
  } finally {
    screen.restore();
    for (const signal of EXIT_SIGNALS) process.off(signal, onSignal);
    process.off('uncaughtException', onCrash);
  }
}
