import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  EscapeSequenceStdin,
  escapeHoldMs,
  incompleteEscapeStart,
} from '../../source/app/escapeSequenceStdin.js';

class FakeTerminalInput extends EventEmitter {
  isTTY = true;
  rawMode = false;
  setRawMode(mode: boolean) {
    this.rawMode = mode;
  }
  pause() {
    return this;
  }
  resume() {
    return this;
  }
}

/** The stream hands its data on in a later tick: lets it, with the clock where it is. */
const delivered = () => new Promise((resolve) => setImmediate(resolve));

/** Moves the (fake) clock on by `ms`, then lets the stream deliver what that released. */
async function elapse(ms: number): Promise<void> {
  vi.advanceTimersByTime(ms);
  await delivered();
}

function collect(stream: EscapeSequenceStdin): string[] {
  const chunks: string[] = [];
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => chunks.push(chunk));
  return chunks;
}

describe('incompleteEscapeStart', () => {
  it('finds a lone ESC, a CSI without its final byte, and an SS3 prefix at the end', () => {
    expect(incompleteEscapeStart('ab\u001B')).toBe(2);
    expect(incompleteEscapeStart('\u001B[')).toBe(0);
    expect(incompleteEscapeStart('x\u001B[1;5')).toBe(1);
    expect(incompleteEscapeStart('\u001BO')).toBe(0);
  });

  it('leaves complete sequences and plain text alone', () => {
    expect(incompleteEscapeStart('\u001B[A')).toBe(3);
    expect(incompleteEscapeStart('jk')).toBe(2);
    expect(incompleteEscapeStart('\u001B[6~')).toBe(4);
  });
});

describe('EscapeSequenceStdin', () => {
  // Hold times are timers: a fake clock moves them exactly, whatever the machine's load.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('joins an arrow key split across two reads into one sequence', async () => {
    const source = new FakeTerminalInput();
    const stdin = new EscapeSequenceStdin(source, 25);
    const chunks = collect(stdin);
    stdin.setRawMode(true);
    expect(source.rawMode).toBe(true);
    source.emit('data', Buffer.from('\u001B'));
    await elapse(5);
    source.emit('data', Buffer.from('[A'));
    await delivered();
    expect(chunks).toEqual(['\u001B[A']);
  });

  it('passes a lone ESC on once the hold time is over', async () => {
    const source = new FakeTerminalInput();
    const stdin = new EscapeSequenceStdin(source, 10);
    const chunks = collect(stdin);
    stdin.setRawMode(true);
    source.emit('data', Buffer.from('j\u001B'));
    await delivered();
    expect(chunks).toEqual(['j']);
    await elapse(30);
    expect(chunks).toEqual(['j', '\u001B']);
  });

  it('passes Esc then a key read a moment later as two presses, the Esc first and alone', async () => {
    const source = new FakeTerminalInput();
    const stdin = new EscapeSequenceStdin(source, 80);
    const chunks = collect(stdin);
    stdin.setRawMode(true);
    source.emit('data', Buffer.from('\u001B'));
    await elapse(5);
    source.emit('data', Buffer.from('j'));
    source.emit('data', Buffer.from('\r'));
    await delivered();
    expect(chunks[0]).toBe('\u001B');
    await elapse(10);
    expect(chunks).toEqual(['\u001B', 'j\r']);
  });

  it('joins a multi-byte character split across reads', async () => {
    const source = new FakeTerminalInput();
    const stdin = new EscapeSequenceStdin(source, 10);
    const chunks = collect(stdin);
    stdin.setRawMode(true);
    const bytes = Buffer.from('é');
    source.emit('data', bytes.subarray(0, 1));
    source.emit('data', bytes.subarray(1));
    await delivered();
    expect(chunks.join('')).toBe('é');
  });

  it('stops listening when raw mode is turned off', () => {
    const source = new FakeTerminalInput();
    const stdin = new EscapeSequenceStdin(source, 10);
    stdin.setRawMode(true);
    expect(source.listenerCount('data')).toBe(1);
    stdin.setRawMode(false);
    expect(source.listenerCount('data')).toBe(0);
  });

  it('waits longer over SSH', () => {
    expect(escapeHoldMs({})).toBe(25);
    expect(escapeHoldMs({ SSH_CONNECTION: '10.0.0.1 5000 10.0.0.2 22' })).toBe(80);
    expect(escapeHoldMs({ SSH_CONNECTION: '10.0.0.1 5000 10.0.0.2 22', CWS_ESCAPE_TIMEOUT_MS: '150' })).toBe(
      150,
    );
    expect(escapeHoldMs({ CWS_ESCAPE_TIMEOUT_MS: 'soon' })).toBe(25);
  });
});
