import { describe, expect, it } from 'vitest';
import { createTerminalScreen } from '../../source/app/terminalScreen.js';

function output(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) };
}

describe('the terminal screen', () => {
  it('enters the alternate screen and restores cursor, wrap and screen once, however often asked', () => {
    const terminal = output(true);
    const screen = createTerminalScreen(terminal);
    screen.enter();
    screen.enter();
    expect(terminal.written).toEqual(['\u001B[?1049h\u001B[H\u001B[?25l\u001B[?2004h']);
    screen.restore();
    screen.restore();
    expect(terminal.written).toHaveLength(2);
    const restore = terminal.written[1] ?? '';
    expect(restore).toContain('\u001B[?25h');
    expect(restore).toContain('\u001B[?7h');
    expect(restore).toContain('\u001B[?2004l');
    expect(restore.endsWith('\u001B[?1049l')).toBe(true);
  });

  it('leaves a pipe alone', () => {
    const pipe = output(false);
    const screen = createTerminalScreen(pipe);
    screen.enter();
    screen.restore();
    expect(pipe.written).toEqual([]);
  });

  it('survives a terminal that is gone when restoring', () => {
    const screen = createTerminalScreen({
      isTTY: true,
      write: (text: string) => {
        if (text.includes('1049l')) throw new Error('EIO');
        return true;
      },
    });
    screen.enter();
    expect(() => screen.restore()).not.toThrow();
  });
});
