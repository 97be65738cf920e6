import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { clipboardRoute, type TmuxClipboardFacts } from '../../core/connect/clipboardRoute.js';

const run = promisify(execFile);
const TMUX_TIMEOUT_MS = 2000;

/** Runs tmux (the one this app runs in: tmux finds it from $TMUX) and returns what it printed. */
export type TmuxRunner = (args: readonly string[]) => Promise<string>;

const runTmux: TmuxRunner = async (args) =>
  (await run('tmux', [...args], { timeout: TMUX_TIMEOUT_MS, encoding: 'utf8' })).stdout.trim();

/** Asks tmux how it treats clipboard copies, or undefined when tmux cannot be asked. */
export async function tmuxClipboardFacts(
  tmux: TmuxRunner = runTmux,
): Promise<TmuxClipboardFacts | undefined> {
  try {
    const setClipboard = await tmux(['show-options', '-sv', 'set-clipboard']);
    // tmux before 3.3 has no allow-passthrough and lets every passthrough sequence go.
    const passthrough = await tmux(['show-options', '-Apv', 'allow-passthrough']).catch(() => 'on');
    return { setClipboard, passthrough: passthrough.split(/\s+/).pop() ?? 'off' };
  } catch {
    return undefined;
  }
}

export interface CopyResult {
  /** Whether the copy could reach the terminal's clipboard. */
  sent: boolean;
  message: string;
}

/**
 * Copies `text` to the clipboard of the user's terminal with OSC 52, written through `write`, and
 * says truthfully whether it could arrive. When tmux blocks it, the text goes to tmux's paste
 * buffer instead, so it can still be pasted.
 */
export async function copyToClipboard(
  text: string,
  options: { env: NodeJS.ProcessEnv; write: (sequence: string) => void; tmux?: TmuxRunner },
): Promise<CopyResult> {
  const tmux = options.tmux ?? runTmux;
  const facts = options.env.TMUX ? await tmuxClipboardFacts(tmux) : undefined;
  const route = clipboardRoute(text, options.env, facts);
  if (route.kind === 'send') {
    options.write(route.sequence);
    return { sent: true, message: route.message };
  }
  const buffered = await tmux(['set-buffer', '--', text]).then(
    () => true,
    () => false,
  );
  return {
    sent: false,
    message: buffered ? `${route.message}. It is in tmux's paste buffer (prefix ])` : route.message,
  };
}
