import { osc52Copy } from './osc52Copy.js';

/** What tmux says about clipboard copies from the programs inside it (undefined: could not ask). */
export interface TmuxClipboardFacts {
  /** `allow-passthrough` of this pane: `on`, `all` or `off`; `on` for tmux before 3.3, which had no such option. */
  passthrough?: string;
  /** `set-clipboard`: `on` takes an OSC 52 from a program and passes it to the terminal. */
  setClipboard?: string;
}

export type ClipboardRoute =
  /** The sequence to write; the copy can arrive. */
  | { kind: 'send'; sequence: string; message: string }
  /** Nothing a program writes can reach the terminal's clipboard from here; `message` says how to allow it. */
  | { kind: 'blocked'; message: string };

/**
 * How a copy reaches the clipboard of the terminal the user sits at (OSC 52), and what to tell them.
 * Outside tmux the sequence goes as is. Inside tmux it arrives only if tmux takes it
 * (`set-clipboard on`) or lets it through (`allow-passthrough on`); tmux's defaults drop it, and
 * then saying "copied" would be a lie.
 */
export function clipboardRoute(
  text: string,
  env: NodeJS.ProcessEnv,
  tmux: TmuxClipboardFacts | undefined,
): ClipboardRoute {
  const sent = "sent to the terminal's clipboard";
  if (!env.TMUX) return { kind: 'send', sequence: osc52Copy(text, {}), message: sent };
  if (tmux?.setClipboard === 'on')
    return { kind: 'send', sequence: osc52Copy(text, {}), message: `${sent} (through tmux)` };
  if (tmux?.passthrough === 'on' || tmux?.passthrough === 'all')
    return { kind: 'send', sequence: osc52Copy(text, env), message: `${sent} (through tmux passthrough)` };
  if (tmux === undefined)
    return {
      kind: 'send',
      sequence: osc52Copy(text, env),
      message: `${sent} through tmux, if tmux lets it through (tmux set -g allow-passthrough on)`,
    };
  return {
    kind: 'blocked',
    message:
      "not copied to your terminal's clipboard: tmux drops it here. Run `tmux set -g allow-passthrough on` (or `set -g set-clipboard on`) and copy again",
  };
}
