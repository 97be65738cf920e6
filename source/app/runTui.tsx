import { render } from 'ink';
import { EXIT, usageError } from '../commands/CliError.js';
import type { CommandFlags } from '../commands/CommandFlags.js';
import { resolveAppPaths } from '../core/paths.js';
import { App } from './App.js';
import { EscapeSequenceStdin, escapeHoldMs } from './escapeSequenceStdin.js';
import { supportsScrollRegions } from './frameUpdate.js';
import { TerminalFrameWriter } from './TerminalFrameWriter.js';
import { handOverTerminal } from './terminalHandOver.js';
import { createTerminalScreen } from './terminalScreen.js';
import { colorWanted, createTheme } from './theme.js';
import { writeCrashLog } from './writeCrashLog.js';

export interface RunTuiOptions {
  flags: CommandFlags;
  env: NodeJS.ProcessEnv;
}

const EXIT_SIGNALS = { SIGTERM: 143, SIGHUP: 129, SIGINT: 130 } as const;
type ExitSignal = keyof typeof EXIT_SIGNALS;

/** Drawing faster than this only costs bandwidth over SSH. */
const MAX_FPS = 30;

/** Opens the full-screen app and resolves with the exit code once the user quits. */
export async function runTui({ flags, env }: RunTuiOptions): Promise<number> {
  const refresh = flags.refresh ?? 5;
  if (!Number.isFinite(refresh) || refresh < 1 || refresh > 3600) {
    const given = Number.isNaN(refresh) ? 'something that is not a number' : String(refresh);
    throw usageError(`--refresh takes a number of seconds from 1 to 3600, not ${given}`);
  }
  // --attach: a running serve's session; when there is none to use, said before the screen opens.
  const attached = flags.attach
    ? await (await import('./session/connectToServe.js')).connectToServe(env)
    : undefined;
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write(
      'cws-tui: the interactive app needs a terminal. Run `cws-tui --help` for commands.\n',
    );
    return 1;
  }
  const { logFile } = resolveAppPaths(env);
  const screen = createTerminalScreen(process.stdout);
  const stdin = new EscapeSequenceStdin(process.stdin, escapeHoldMs(env));
  const frames = new TerminalFrameWriter(process.stdout, MAX_FPS, {
    scrollRegions: supportsScrollRegions(env.TERM),
  });
  let received: ExitSignal | undefined;
  let unmount = () => {};

  // Registered before Ink's own exit hook so that they run first, and with `on` so that the hook
  // sees another listener and lets this code finish instead of re-raising the signal at once.
  const onSignal = (signal: ExitSignal) => {
    received = signal;
    unmount();
  };
  const signalHandlers = (Object.keys(EXIT_SIGNALS) as ExitSignal[]).map(
    (signal) => [signal, () => onSignal(signal)] as const,
  );
  const leaveScreen = () => {
    frames.flush();
    frames.dispose();
    screen.restore();
    for (const [signal, handler] of signalHandlers) process.off(signal, handler);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
  };
  // An error outside React (a timer, a stream): leave the screen first, then report it.
  const onCrash = (error: unknown) => {
    try {
      unmount();
    } finally {
      leaveScreen();
    }
    void reportCrash(logFile, error).finally(() => process.exit(EXIT.error));
  };
  // ssh or a tunnel in the foreground: the app stops drawing and reading keys, and Ctrl-C (which
  // the terminal sends to this process too) must end the child, not the app.
  const handOver = async (run: () => Promise<number>): Promise<number> => {
    const onInterrupt = signalHandlers.find(([signal]) => signal === 'SIGINT')?.[1];
    const ignoreInterrupt = () => {};
    frames.hold();
    process.stdin.pause();
    if (onInterrupt) process.off('SIGINT', onInterrupt);
    process.on('SIGINT', ignoreInterrupt);
    try {
      return await handOverTerminal(run, { screen, input: process.stdin, redraw: () => frames.release() });
    } finally {
      process.off('SIGINT', ignoreInterrupt);
      if (onInterrupt) process.on('SIGINT', onInterrupt);
      process.stdin.resume();
    }
  };
  for (const [signal, handler] of signalHandlers) process.on(signal, handler);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);

  screen.enter();
  const instance = render(
    <App
      theme={createTheme(colorWanted(env, flags.color))}
      refreshMs={refresh * 1000}
      redraw={() => frames.redraw()}
      handOverTerminal={handOver}
      writeToTerminal={(sequence) => process.stdout.write(sequence)}
      env={env}
      readonly={flags.readonly}
      openSession={async (profile?: string) => {
        if (attached) {
          const { openAttachedSession } = await import('./session/openAttachedSession.js');
          return openAttachedSession({
            env,
            client: attached,
            ...(profile === undefined ? {} : { switchTo: profile }),
          });
        }
        const { openSession } = await import('./session/openSession.js');
        // A switched-to profile brings its own region; --region applies to the profile it started with.
        return profile === undefined
          ? openSession({ env, demo: flags.demo, region: flags.region, profile: flags.profile })
          : openSession({ env, demo: flags.demo, profile });
      }}
    />,
    {
      // Ink reads the terminal through the wrapper, which reassembles split escape sequences.
      stdin: stdin as unknown as NodeJS.ReadStream,
      // Debug mode hands each frame over whole; the frame writer draws the changed lines only.
      stdout: frames as unknown as NodeJS.WriteStream,
      debug: true,
      exitOnCtrlC: false,
      patchConsole: false,
    },
  );
  unmount = () => instance.unmount();

  let renderError: unknown;
  try {
    await instance.waitUntilExit();
  } catch (error) {
    // A render error: Ink's error boundary unmounted the app with it.
    renderError = error;
  } finally {
    leaveScreen();
    process.stdin.pause();
  }
  if (renderError !== undefined) {
    await reportCrash(logFile, renderError);
    return EXIT.error;
  }
  // The terminal may be gone (SIGHUP): exit now rather than wait for work that cannot finish.
  if (received) process.exit(EXIT_SIGNALS[received]);
  return EXIT.ok;
}

/** The short message on the restored terminal, the details in the log. */
async function reportCrash(logFile: string, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  try {
    await writeCrashLog(logFile, error);
    process.stderr.write(`cws-tui: unexpected error: ${message}\nDetails are in ${logFile}\n`);
  } catch {
    process.stderr.write(`cws-tui: unexpected error: ${message}\n`);
  }
}
