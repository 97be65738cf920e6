import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import type { TerminalScreen } from './terminalScreen.js';

/** What the full-screen app lends out while another program uses the terminal. */
export interface TerminalHandOverContext {
  screen: TerminalScreen;
  /** The app's input: raw mode off hands the keys to the child; on takes them back. */
  input: { isRaw?: boolean; setRawMode?(mode: boolean): unknown };
  /** Repaints the whole app: the alternate screen comes back empty. */
  redraw(): void;
}

/**
 * Lets another program (ssh, an SSM session) have the terminal: stops reading keys and leaves raw
 * mode, leaves the alternate screen (so the session scrolls like any shell), runs it, then takes
 * the terminal back and repaints, whatever way the program ended.
 */
export async function handOverTerminal(
  run: () => Promise<number>,
  context: TerminalHandOverContext,
): Promise<number> {
  // The app runs in raw mode; an input that does not report it is taken to be raw.
  const wasRaw = context.input.isRaw ?? true;
  context.input.setRawMode?.(false);
  context.screen.restore();
  try {
    return await run();
  } finally {
    context.screen.enter();
    if (wasRaw) context.input.setRawMode?.(true);
    context.redraw();
  }
}

/**
 * Runs a program on this terminal (stdin, stdout and stderr inherited), found on `env`'s PATH, and
 * resolves with its exit code.
 */
export function runInTerminal(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const [program, ...args] = argv;
  if (!program) return Promise.reject(new Error('there is no program to run'));
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: 'inherit', env });
    child.once('error', (error) => reject(new Error(`cannot run ${program}: ${error.message}`)));
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 + constants.signals[signal] : 1)));
  });
}
