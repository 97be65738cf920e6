/**
 * The alternate screen buffer and its restoration. Ink has no alternate screen of its own, so the
 * shell enters it here and guarantees the way back on every exit path (quit, signals, crashes).
 */
const ENTER_ALT_SCREEN = '\u001B[?1049h\u001B[H';
const HIDE_CURSOR = '\u001B[?25l';
const LEAVE_ALT_SCREEN = '\u001B[?1049l';
const SHOW_CURSOR = '\u001B[?25h';
const ENABLE_WRAP = '\u001B[?7h';
const RESET_ATTRIBUTES = '\u001B[0m';
/** Pasted text comes wrapped in ESC [200~ ... ESC [201~, so it is never read as keys. */
const BRACKETED_PASTE_ON = '\u001B[?2004h';
const BRACKETED_PASTE_OFF = '\u001B[?2004l';

export interface TerminalScreen {
  enter(): void;
  /** Idempotent: safe to call from several exit paths. */
  restore(): void;
}

/** What the screen needs of a terminal output stream. */
export interface TerminalOutput {
  isTTY?: boolean;
  write(text: string): unknown;
}

export function createTerminalScreen(stream: TerminalOutput): TerminalScreen {
  let active = false;
  return {
    enter() {
      if (active || !stream.isTTY) return;
      stream.write(ENTER_ALT_SCREEN + HIDE_CURSOR + BRACKETED_PASTE_ON);
      active = true;
    },
    restore() {
      if (!active) return;
      active = false;
      try {
        stream.write(BRACKETED_PASTE_OFF + RESET_ATTRIBUTES + SHOW_CURSOR + ENABLE_WRAP + LEAVE_ALT_SCREEN);
      } catch {
        // The terminal is gone (SSH dropped): there is nothing left to restore.
      }
    },
  };
}
