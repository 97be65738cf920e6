import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { TerminalFrameWriter } from '../../source/app/TerminalFrameWriter.js';

class Terminal extends EventEmitter {
  columns = 80;
  rows = 24;
  written: string[] = [];
  write(text: string) {
    this.written.push(text);
    return true;
  }
}

function setup() {
  const terminal = new Terminal();
  let clock = 0;
  const writer = new TerminalFrameWriter(terminal, 30, { now: () => clock });
  return {
    terminal,
    writer,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

describe('TerminalFrameWriter', () => {
  it('paints the first frame whole, then only the lines that changed, at their rows', () => {
    const { terminal, writer, advance } = setup();
    writer.write('header\n> row one\n  row two\nfooter');
    expect(terminal.written[0]).toContain('\u001B[2J');
    expect(terminal.written[0]).toContain('\u001B[1;1Hheader');
    advance(100);
    writer.write('header\n  row one\n> row two\nfooter');
    const second = terminal.written[1] ?? '';
    expect(second).not.toContain('header');
    expect(second).not.toContain('footer');
    expect(second).toContain('\u001B[2;1H  row one');
    expect(second).toContain('\u001B[3;1H> row two');
  });

  it('clears the rows a shorter frame no longer uses, and writes nothing for an identical frame', () => {
    const { terminal, writer, advance } = setup();
    writer.write('a\nb\nc');
    advance(100);
    writer.write('a');
    expect(terminal.written[1]).toContain('\u001B[2;1H\u001B[0m\u001B[K');
    expect(terminal.written[1]).toContain('\u001B[3;1H\u001B[0m\u001B[K');
    advance(100);
    writer.write('a');
    expect(terminal.written).toHaveLength(2);
  });

  it('draws at most maxFps frames a second, always ending on the latest frame', () => {
    // The writer's clock and its timer both move only when the test says: no waiting on real time.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const terminal = new Terminal();
      let clock = 0;
      const writer = new TerminalFrameWriter(terminal, 30, { now: () => clock });
      writer.write('frame 1');
      writer.write('frame 2');
      writer.write('frame 3');
      expect(terminal.written).toHaveLength(1);
      clock += 20;
      vi.advanceTimersByTime(20);
      expect(terminal.written).toHaveLength(1);
      clock += 14;
      vi.advanceTimersByTime(14);
      expect(terminal.written).toHaveLength(2);
      expect(terminal.written[1]).toContain('frame 3');
      writer.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('repaints everything after a resize and passes the resize on to Ink', () => {
    const { terminal, writer, advance } = setup();
    let resized = 0;
    writer.on('resize', () => resized++);
    writer.write('a\nb');
    terminal.columns = 120;
    terminal.emit('resize');
    expect(resized).toBe(1);
    expect(writer.columns).toBe(120);
    advance(100);
    writer.write('a\nb');
    expect(terminal.written[1]).toContain('\u001B[2J');
    expect(terminal.written[1]).toContain('\u001B[1;1Ha');
  });

  it('paints the whole latest frame again on redraw', () => {
    const { terminal, writer, advance } = setup();
    writer.write('a\nb');
    advance(100);
    writer.redraw();
    expect(terminal.written[1]).toContain('\u001B[2J');
    expect(terminal.written[1]).toContain('\u001B[2;1Hb');
  });

  it('draws nothing while another program has the terminal, then the whole latest frame', () => {
    const { terminal, writer, advance } = setup();
    writer.write('header\nrow');
    writer.hold();
    advance(100);
    writer.write('header\nrow changed while ssh ran');
    expect(terminal.written).toHaveLength(1);
    writer.release();
    expect(terminal.written).toHaveLength(2);
    expect(terminal.written[1]).toContain('\u001B[2J');
    expect(terminal.written[1]).toContain('row changed while ssh ran');
  });

  it('never draws below the last row of the terminal', () => {
    const { terminal, writer } = setup();
    terminal.rows = 3;
    writer.write('1\n2\n3\n4\n5');
    expect(terminal.written[0]).not.toContain('\u001B[4;1H');
  });
});

describe('TerminalFrameWriter with scroll regions', () => {
  const frame = (first: number) =>
    ['NAME', ...[0, 1, 2, 3].map((i) => `  workstation ${first + i}`), 'status'].join('\n');

  it('scrolls the region for a one-row scroll, and paints whole after a resize', () => {
    const terminal = new Terminal();
    let clock = 0;
    const writer = new TerminalFrameWriter(terminal, 30, { now: () => clock, scrollRegions: true });
    writer.write(frame(1));
    clock += 100;
    writer.write(frame(2));
    expect(terminal.written[1]).toBe(
      '\u001B[?2026h\u001B[0m\u001B[2;5r\u001B[1S\u001B[r\u001B[5;1H  workstation 5\u001B[0m\u001B[K\u001B[?2026l',
    );
    terminal.rows = 30;
    terminal.emit('resize');
    clock += 100;
    writer.write(frame(3));
    const repaint = terminal.written[2] ?? '';
    expect(repaint.startsWith('\u001B[?2026h\u001B[2J\u001B[1;1HNAME\u001B[0m\u001B[K')).toBe(true);
    expect(repaint).not.toMatch(/\u001B\[\d+;\d+r/);
  });
});
