/**
 * The alternate screen buffer and its restoration. Ink has no alternate screen of its own, so the
 * shell enters it here and guarantees the way back on every exit path (quit, signals, crashes).
 */
const ENTER_ALT_SCREEN = '\u001B[?1049h\u001B[H';
const LEAVE_ALT_SCREEN = '\u001B[?1049l';
const SHOW_CURSOR = '\u001B[?25h';
const ENABLE_WRAP = '\u001B[?7h';

export interface TerminalScreen {
  enter(): void;
  /** Idempotent: safe to call from several exit paths. */
  restore(): void;
}

export function createTerminalScreen(stream: NodeJS.WriteStream): TerminalScreen {
  let active = false;
  return {
    enter() {
      if (active || !stream.isTTY) return;
      stream.write(ENTER_ALT_SCREEN);
      active = true;
    },
    restore() {
      if (!active) return;
      active = false;
      stream.write(SHOW_CURSOR + ENABLE_WRAP + LEAVE_ALT_SCREEN);
    },
  };
}
