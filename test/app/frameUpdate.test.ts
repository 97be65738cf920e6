import { describe, expect, it } from 'vitest';
import { frameUpdate, supportsScrollRegions } from '../../source/app/frameUpdate.js';

const E = '\u001B[';
const row = (n: number, text: string) => `${E}${n};1H${text}${E}0m${E}K`;

/** A 7-row screen: a header, five table rows (the cursor marked >) and a status line. */
function screen(first: number, cursor: number): string[] {
  const rows = [0, 1, 2, 3, 4].map((i) => `${first + i === cursor ? '>' : ' '} workstation ${first + i}`);
  return ['NAME', ...rows, `row ${cursor} of 100`];
}

describe('frameUpdate', () => {
  it('scrolls the table up one row in a scroll region when the cursor moves down past the last row', () => {
    const output = frameUpdate(screen(1, 5), screen(2, 6), 7, true);
    expect(output).toBe(
      `${E}0m${E}2;5r${E}1S${E}r` +
        row(5, '  workstation 5') +
        row(6, '> workstation 6') +
        row(7, 'row 6 of 100'),
    );
  });

  it('scrolls the table down one row when the cursor moves up past the first row', () => {
    const output = frameUpdate(screen(6, 6), screen(5, 5), 7, true);
    expect(output).toBe(
      `${E}0m${E}3;6r${E}1T${E}r` +
        row(2, '> workstation 5') +
        row(3, '  workstation 6') +
        row(7, 'row 5 of 100'),
    );
  });

  it('rewrites every row of a page move, where nothing on screen moved', () => {
    const output = frameUpdate(screen(1, 5), screen(6, 10), 7, true);
    expect(output).toBe(
      row(2, '  workstation 6') +
        row(3, '  workstation 7') +
        row(4, '  workstation 8') +
        row(5, '  workstation 9') +
        row(6, '> workstation 10') +
        row(7, 'row 10 of 100'),
    );
  });

  it('writes only the two cursor rows and the status for a move inside the visible rows', () => {
    expect(frameUpdate(screen(1, 2), screen(1, 3), 7, true)).toBe(
      row(3, '  workstation 2') + row(4, '> workstation 3') + row(7, 'row 3 of 100'),
    );
  });

  it('rewrites the rows instead of scrolling on a terminal not known to keep a scroll region', () => {
    const output = frameUpdate(screen(1, 5), screen(2, 6), 7, false);
    expect(output).not.toContain('r\u001B[1S');
    expect(output).toBe(
      [2, 3, 4, 5, 6].map((n) => row(n, screen(2, 6)[n - 1] ?? '')).join('') + row(7, 'row 6 of 100'),
    );
  });

  it('leaves the screen exactly as the next frame, whichever way it chose', () => {
    // A tiny terminal model: absolute moves, scroll regions, SU/SD and erase to end of line.
    const apply = (before: string[], output: string): string[] => {
      const cells = [...before];
      let region: [number, number] = [0, cells.length - 1];
      let cursor = 0;
      for (const part of output.split(E).slice(1)) {
        const match = /^([\d;]*)([HrSTmK])(.*)$/s.exec(part);
        if (!match) throw new Error(`unexpected sequence ${JSON.stringify(part)}`);
        const [, args = '', command, text = ''] = match;
        const numbers = args.split(';').map(Number);
        if (command === 'H') {
          cursor = (numbers[0] ?? 1) - 1;
          cells[cursor] = text;
        } else if (command === 'r')
          region = args ? [(numbers[0] ?? 1) - 1, (numbers[1] ?? 1) - 1] : [0, cells.length - 1];
        else if (command === 'S' || command === 'T') {
          const block = cells.slice(region[0], region[1] + 1);
          const count = numbers[0] || 1;
          const blank = Array<string>(count).fill('');
          const moved =
            command === 'S'
              ? [...block.slice(count), ...blank]
              : [...blank, ...block.slice(0, block.length - count)];
          cells.splice(region[0], moved.length, ...moved);
        }
      }
      return cells;
    };
    for (const [from, to] of [
      [screen(1, 5), screen(2, 6)],
      [screen(6, 6), screen(5, 5)],
      [screen(1, 5), screen(3, 7)],
      [screen(3, 3), screen(1, 1)],
    ] as const) {
      expect(apply(from, frameUpdate(from, to, 7, true))).toEqual(to);
    }
  });
});

describe('supportsScrollRegions', () => {
  it('is true for the xterm family and multiplexers, false for dumb or unknown terminals', () => {
    for (const term of ['xterm-256color', 'screen', 'tmux-256color', 'alacritty', 'linux', 'vt220']) {
      expect(supportsScrollRegions(term)).toBe(true);
    }
    for (const term of [undefined, '', 'dumb', 'unknown', 'emacs'])
      expect(supportsScrollRegions(term)).toBe(false);
  });
});
