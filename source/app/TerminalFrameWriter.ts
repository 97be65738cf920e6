import { EventEmitter } from 'node:events';
import { frameUpdate } from './frameUpdate.js';

const CSI = '\u001B[';
/** Synchronized output (DEC mode 2026): the terminal shows the frame once it is complete. */
const BEGIN_FRAME = `${CSI}?2026h`;
const END_FRAME = `${CSI}?2026l`;

/** The real terminal the frames go to. */
export interface FrameTerminal {
  columns?: number;
  rows?: number;
  write(text: string): unknown;
  on(event: 'resize', listener: () => void): unknown;
  off(event: 'resize', listener: () => void): unknown;
}

/**
 * What Ink writes to: Ink (in debug mode) hands over every frame whole, and this writes only the
 * lines that changed, each at its absolute row on the alternate screen, at most `maxFps` times a
 * second. Ink's own incremental mode drifts one row down per frame when the frame is shorter than
 * the terminal, and its full-height mode clears the screen on every frame; this does neither, so
 * a cursor move sends two table rows over SSH, not the screen, and a one-row scroll of the table
 * is a scroll of the terminal's region plus the rows that really changed.
 */
export class TerminalFrameWriter extends EventEmitter {
  readonly isTTY = true;
  private shown: string[] = [];
  private latest = '';
  private pending: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastFlushAt = Number.NEGATIVE_INFINITY;
  private repaintAll = true;
  private readonly minIntervalMs: number;
  /** While another program has the terminal, frames are kept but not drawn. */
  private held = false;

  private readonly now: () => number;
  private readonly scrollRegions: boolean;

  /** `scrollRegions`: the terminal scrolls a region (DECSTBM + SU/SD), so a scrolled table moves there. */
  constructor(
    private readonly terminal: FrameTerminal,
    maxFps: number,
    options: { now?: () => number; scrollRegions?: boolean } = {},
  ) {
    super();
    this.minIntervalMs = 1000 / maxFps;
    this.now = options.now ?? (() => performance.now());
    this.scrollRegions = options.scrollRegions ?? false;
    terminal.on('resize', this.onResize);
  }

  get columns(): number {
    return this.terminal.columns || 80;
  }

  get rows(): number {
    return this.terminal.rows || 24;
  }

  /** Takes a whole frame; it is drawn now or, within the frame interval, when the interval ends. */
  write = (frame: string): boolean => {
    this.latest = frame;
    this.pending = frame;
    const wait = this.lastFlushAt + this.minIntervalMs - this.now();
    if (wait <= 0) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), wait);
    return true;
  };

  /** Draws the latest frame now (also on exit, so the last state is not lost). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const frame = this.pending;
    if (frame === undefined || this.held) return;
    this.pending = undefined;
    this.lastFlushAt = this.now();
    const lines = frame.split('\n');
    let output = '';
    if (this.repaintAll) {
      output += `${CSI}2J`;
      this.shown = [];
      this.repaintAll = false;
    }
    output += frameUpdate(this.shown, lines, this.rows, this.scrollRegions);
    this.shown = lines.slice(0, this.rows);
    if (output !== '') this.terminal.write(BEGIN_FRAME + output + END_FRAME);
  }

  /** Paints the whole screen again now (Ctrl-L: something else wrote over it). */
  redraw(): void {
    this.repaintAll = true;
    this.pending = this.latest;
    this.flush();
  }

  /** Stops drawing while another program (ssh) uses the terminal. */
  hold(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.held = true;
  }

  /** Draws again, the whole screen, once the terminal is back. */
  release(): void {
    this.held = false;
    this.redraw();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.terminal.off('resize', this.onResize);
  }

  private readonly onResize = (): void => {
    this.repaintAll = true;
    this.emit('resize');
  };
}
