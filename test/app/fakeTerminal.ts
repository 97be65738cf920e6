import { EventEmitter } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { render } from 'ink';
import type { ReactNode } from 'react';
import { EscapeSequenceStdin } from '../../source/app/escapeSequenceStdin.js';

/** A terminal output of a given size that records what is written to it. */
export class FakeTerminalOutput extends EventEmitter {
  readonly isTTY = true;
  frames: string[] = [];
  bytesWritten = 0;

  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }

  write = (text: string): boolean => {
    this.frames.push(text);
    this.bytesWritten += Buffer.byteLength(text);
    return true;
  };

  resize(columns: number, rows: number): void {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
}

/** The keyboard side of a fake terminal: what is typed arrives as raw `data` chunks. */
export class FakeTerminalInput extends EventEmitter {
  readonly isTTY = true;
  setRawMode(): void {}
  pause(): this {
    return this;
  }
  resume(): this {
    return this;
  }
  ref(): void {}
  unref(): void {}
}

const ANSI = /\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007]*\u0007/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

export interface RenderedTui {
  output: FakeTerminalOutput;
  /** The last frame without colour codes. */
  lastFrame(): string;
  /** Types raw bytes (one read), then waits at least `settleMs` and until the frames settle. */
  type(raw: string, settleMs?: number): Promise<void>;
  /** Waits until the last frame contains `text` (or fails after `timeoutMs`). */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
  unmount(): void;
  exited: Promise<unknown>;
}

export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  pageDown: '\u001B[6~',
  pageUp: '\u001B[5~',
  esc: '\u001B',
  enter: '\r',
  tab: '\t',
  backspace: '\u007F',
  ctrlC: '\u0003',
  ctrlD: '\u0004',
} as const;

/**
 * Renders a node the way the app runs: through the escape-sequence wrapper, on a terminal of the
 * given size, in Ink's debug mode so that every frame is written whole.
 */
export function renderTui(node: ReactNode, size: { columns: number; rows: number }): RenderedTui {
  const output = new FakeTerminalOutput(size.columns, size.rows);
  const keyboard = new FakeTerminalInput();
  const stdin = new EscapeSequenceStdin(keyboard, 25);
  const instance = render(node, {
    stdout: output as unknown as NodeJS.WriteStream,
    stderr: new FakeTerminalOutput(size.columns, size.rows) as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  const lastFrame = () => stripAnsi(output.frames[output.frames.length - 1] ?? '');
  return {
    output,
    lastFrame,
    async type(raw, settleMs = 40) {
      keyboard.emit('data', Buffer.from(raw));
      // 0: return at once, as for the first half of a key split across reads.
      if (settleMs === 0) return;
      await sleep(settleMs);
      // Then until the frames stop changing: a loaded machine can take longer than settleMs.
      const deadline = Date.now() + 2000;
      let seen = output.frames.length;
      for (;;) {
        await sleep(20);
        if (output.frames.length === seen || Date.now() > deadline) return;
        seen = output.frames.length;
      }
    },
    async waitFor(text, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const frame = lastFrame();
        if (typeof text === 'string' ? frame.includes(text) : text.test(frame)) return frame;
        if (Date.now() > deadline)
          throw new Error(`timed out waiting for ${String(text)}; last frame:\n${frame}`);
        await sleep(10);
      }
    },
    unmount: () => instance.unmount(),
    exited: instance.waitUntilExit(),
  };
}
