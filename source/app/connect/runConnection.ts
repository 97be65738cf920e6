import type { ConnectionPlan } from '../../core/connect/ConnectionPlan.js';
import { connectNow } from './connectNow.js';
import { simulateDemoConnection } from './simulateDemoConnection.js';

type ReadyPlan = Exclude<ConnectionPlan, { kind: 'unavailable' }>;

/** The terminal the TUI lends out: where the hand-over writes and reads its one key. */
export interface HandOverTerminal {
  env: NodeJS.ProcessEnv;
  write: (text: string) => void;
  /** Resolves at the next key press (raw mode on for that key only). */
  nextKey: () => Promise<void>;
}

/** The first line a hand-over shows: how to get back, and what a hang means. */
export function handOverIntro(plan: ReadyPlan): string {
  if (plan.kind === 'terminal')
    return `cws-tui: connecting with ${plan.via}. Ctrl-D or exit returns to cws-tui; if nothing happens within 30 s, Ctrl-C gives up.`;
  return 'cws-tui: opening the tunnel. Ctrl-C closes it and returns to cws-tui.';
}

/**
 * Runs a connection while the TUI has lent the terminal: the demo account's simulated session, or
 * the real one. A failure keeps the program's last lines on screen until a key is pressed, so its
 * reason (`Network is unreachable`) can be read before the app draws over it.
 */
export async function runConnection(
  plan: ReadyPlan,
  options: { name: string; demo: boolean; terminal: HandOverTerminal; pause?: (ms: number) => Promise<void> },
): Promise<number> {
  const { terminal } = options;
  terminal.write(`${handOverIntro(plan)}\n`);
  const waitAfter = async (reason: string) => {
    terminal.write(`\ncws-tui: ${reason}. Press any key to return to cws-tui.\n`);
    await terminal.nextKey();
  };
  try {
    const code = options.demo
      ? await simulateDemoConnection(plan, options.name, {
          stdout: terminal.write,
          ...(options.pause ? { pause: options.pause } : {}),
        })
      : await connectNow(plan, {
          terminal: true,
          env: terminal.env,
          stdout: terminal.write,
          stderr: terminal.write,
        });
    if (code !== 0)
      await waitAfter(`${plan.kind === 'terminal' ? plan.via : 'the tunnel'} ended with exit code ${code}`);
    return code;
  } catch (error) {
    await waitAfter((error as Error).message);
    throw error;
  }
}

/**
 * The next key press on a terminal input, in raw mode for that one key. The app's own reader is
 * set aside meanwhile, so the key only returns and never acts in the app.
 */
export function nextKeyOf(input: NodeJS.ReadStream): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      const wasRaw = input.isRaw;
      const readers = input.listeners('data') as Array<(chunk: Buffer) => void>;
      for (const reader of readers) input.off('data', reader);
      input.setRawMode?.(true);
      input.once('data', () => {
        input.setRawMode?.(wasRaw);
        input.pause();
        for (const reader of readers) input.on('data', reader);
        resolve();
      });
      input.resume();
    });
}
