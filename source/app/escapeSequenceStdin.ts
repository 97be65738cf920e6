import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/**
 * How long a lone ESC waits for the rest of its sequence: SSH can split an arrow key across reads.
 * `CWS_ESCAPE_TIMEOUT_MS` (1-1000) overrides it for very slow links.
 */
export function escapeHoldMs(env: NodeJS.ProcessEnv): number {
  const configured = Number(env.CWS_ESCAPE_TIMEOUT_MS);
  if (Number.isInteger(configured) && configured >= 1 && configured <= 1000) return configured;
  return env.SSH_CONNECTION || env.SSH_CLIENT ? 80 : 25;
}

/** An escape sequence cut short: ESC alone, `ESC [` with parameters but no final byte, or `ESC O`. */
const INCOMPLETE_ESCAPE_TAIL = /^\u001B(?:\[[0-?]*[ -/]*|O)?$/;

/** Where an incomplete escape sequence starts at the end of `text`, or `text.length` if none does. */
export function incompleteEscapeStart(text: string): number {
  const start = text.lastIndexOf('\u001B');
  if (start === -1) return text.length;
  return INCOMPLETE_ESCAPE_TAIL.test(text.slice(start)) ? start : text.length;
}

/** The part of a TTY input stream the wrapper uses, so tests can pass a fake terminal. */
export interface TerminalInput {
  isTTY?: boolean;
  on(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  off(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  pause(): unknown;
  resume(): unknown;
  setRawMode?(mode: boolean): unknown;
  ref?(): unknown;
  unref?(): unknown;
}

/** What may follow a split ESC in a key's own sequence: CSI `[`, SS3 `O`, or a second ESC. */
const SEQUENCE_CONTINUATION = /^[[O\u001B]/;

/**
 * The terminal input as Ink should see it: an escape sequence split across reads is joined back
 * together, so an arrow key is never taken for Esc. A trailing incomplete sequence is held for
 * `holdMs`; if nothing follows it is passed on as is (a real Esc). A lone ESC followed, in a later
 * read, by anything that cannot continue a sequence (`j`, Enter) is two key presses: the ESC goes
 * first and the rest a moment later, once Ink has taken the ESC on its own, so it is never read as
 * Alt+key (a terminal sends a real Alt+key in one write).
 */
export class EscapeSequenceStdin extends Readable {
  readonly isTTY: boolean;
  private held = '';
  private holdTimer: NodeJS.Timeout | undefined;
  private listening = false;
  private readonly decoder = new StringDecoder('utf8');
  /** Input that arrived after a split Esc, waiting for Ink to have taken the Esc alone. */
  private deferred = '';
  private deferTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly source: TerminalInput,
    private readonly holdMs: number,
  ) {
    super();
    this.isTTY = source.isTTY === true;
  }

  override _read(): void {
    // Data is pushed as it arrives from the source.
  }

  setRawMode(mode: boolean): this {
    this.source.setRawMode?.(mode);
    if (mode && !this.listening) {
      this.source.on('data', this.onData);
      this.source.resume();
      this.listening = true;
    } else if (!mode && this.listening) {
      this.source.off('data', this.onData);
      this.source.pause();
      this.listening = false;
      if (this.deferTimer) clearTimeout(this.deferTimer);
      this.deferTimer = undefined;
      this.flushHeld();
      if (this.deferred !== '') this.push(this.deferred);
      this.deferred = '';
    }
    return this;
  }

  ref(): this {
    this.source.ref?.();
    return this;
  }

  unref(): this {
    this.source.unref?.();
    return this;
  }

  private readonly onData = (chunk: Buffer | string): void => {
    const decoded = typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    if (this.deferTimer) {
      this.deferred += decoded;
      return;
    }
    if (this.held === '\u001B' && decoded !== '' && !SEQUENCE_CONTINUATION.test(decoded)) {
      this.flushHeld();
      this.deferred = decoded;
      // A timer runs after Ink's setImmediate that hands it the pending Esc.
      this.deferTimer = setTimeout(() => {
        this.deferTimer = undefined;
        const rest = this.deferred;
        this.deferred = '';
        this.accept(rest);
      }, 1);
      return;
    }
    this.accept(decoded);
  };

  private accept(decoded: string): void {
    const text = this.held + decoded;
    this.held = '';
    if (this.holdTimer) clearTimeout(this.holdTimer);
    this.holdTimer = undefined;
    const heldFrom = incompleteEscapeStart(text);
    if (heldFrom > 0) this.push(text.slice(0, heldFrom));
    if (heldFrom < text.length) {
      this.held = text.slice(heldFrom);
      this.holdTimer = setTimeout(() => this.flushHeld(), this.holdMs);
    }
  }

  private flushHeld(): void {
    if (this.holdTimer) clearTimeout(this.holdTimer);
    this.holdTimer = undefined;
    if (this.held === '') return;
    const held = this.held;
    this.held = '';
    this.push(held);
  }
}
