/**
 * A drop-in for Ink's `Output` (ink/build/output.js), which the build puts in its place (see
 * scripts/inkCachedOutput.mjs). Ink builds every frame from scratch: a fresh cell object for each
 * of the 4,800 cells of a 120x40 screen, every line tokenized into one object per character, then
 * each row turned back into a string. At 20 frames a second that garbage was most of the app's
 * collections, and the pauses were its slowest keys. This one gives the same output, row for row,
 * but remembers across frames what a row's writes produce: a row whose writes are the same as in
 * one of the last two frames (all rows but the new one when the table scrolls) costs a map lookup.
 */

export interface StyledCell {
  type: 'char';
  value: string;
  fullWidth: boolean;
  styles: readonly unknown[];
}

export interface InkOutputHelpers<Token> {
  sliceAnsi(text: string, start: number, end?: number): string;
  stringWidth(text: string): number;
  tokenize(text: string): Token[];
  styledCharsFromTokens(tokens: Token[]): StyledCell[];
  styledCharsToString(cells: StyledCell[]): string;
}

type Transformer = (line: string, index: number) => string;
interface Clip {
  x1?: number;
  x2?: number;
  y1?: number;
  y2?: number;
}
type Operation =
  | { type: 'write'; x: number; y: number; text: string; transformers: readonly Transformer[] }
  | { type: 'clip'; clip: Clip }
  | { type: 'unclip' };

/** A map that keeps what was used in this frame and the one before: bounded by two frames' rows. */
class TwoFrameCache<Value> {
  private current = new Map<string, Value>();
  private previous = new Map<string, Value>();

  get(key: string, make: (key: string) => Value): Value {
    let value = this.current.get(key);
    if (value === undefined) {
      value = this.previous.get(key) ?? make(key);
      this.current.set(key, value);
    }
    return value;
  }

  endFrame(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}

// Cells are never changed once made, only replaced: one space cell serves every blank cell.
const SPACE: StyledCell = Object.freeze({
  type: 'char',
  value: ' ',
  fullWidth: false,
  styles: Object.freeze([]),
});

export function createCachedInkOutput<Token>(helpers: InkOutputHelpers<Token>) {
  const widths = new TwoFrameCache<number>();
  const styledChars = new TwoFrameCache<StyledCell[]>();
  const rows = new TwoFrameCache<string>();
  const widthOf = (text: string) => widths.get(text, helpers.stringWidth);
  const widestLine = (text: string) => Math.max(0, ...text.split('\n').map(widthOf));
  const charsOf = (line: string) =>
    styledChars.get(line, (key) => helpers.styledCharsFromTokens(helpers.tokenize(key)));

  /** One row as Ink draws it: the writes that reach it, in order, over a blank row of `width`. */
  function drawRow(width: number, writes: readonly { x: number; line: string }[]): string {
    const row: (StyledCell | undefined)[] = new Array<StyledCell>(width).fill(SPACE);
    for (const { x, line } of writes) {
      const characters = charsOf(line);
      let offsetX = x;
      // A write landing on the second half of a wide character blanks its first half.
      if (row[offsetX]?.value === '' && offsetX > 0 && widthOf(row[offsetX - 1]?.value ?? '') > 1) {
        row[offsetX - 1] = SPACE;
      }
      for (const character of characters) {
        row[offsetX] = character;
        const characterWidth = Math.max(1, widthOf(character.value));
        for (let index = 1; index < characterWidth; index++) {
          row[offsetX + index] = { type: 'char', value: '', fullWidth: false, styles: character.styles };
        }
        offsetX += characterWidth;
      }
      if (row[offsetX]?.value === '') row[offsetX] = SPACE;
    }
    return helpers.styledCharsToString(row.filter((cell) => cell !== undefined)).trimEnd();
  }

  return class CachedInkOutput {
    readonly width: number;
    readonly height: number;
    private readonly operations: Operation[] = [];

    constructor(options: { width: number; height: number }) {
      this.width = options.width;
      this.height = options.height;
    }

    write(x: number, y: number, text: string, options: { transformers: readonly Transformer[] }): void {
      if (!text) return;
      this.operations.push({ type: 'write', x, y, text, transformers: options.transformers });
    }

    clip(clip: Clip): void {
      this.operations.push({ type: 'clip', clip });
    }

    unclip(): void {
      this.operations.push({ type: 'unclip' });
    }

    get(): { output: string; height: number } {
      const writesByRow: { x: number; line: string }[][] = Array.from({ length: this.height }, () => []);
      const clips: Clip[] = [];
      for (const operation of this.operations) {
        if (operation.type === 'clip') clips.push(operation.clip);
        if (operation.type === 'unclip') clips.pop();
        if (operation.type === 'write') this.place(operation, clips.at(-1), writesByRow);
      }
      const output = writesByRow
        .map((writes) => {
          const key = `${this.width}\u0000${writes.map(({ x, line }) => `${x}\u0001${line}`).join('\u0000')}`;
          return rows.get(key, () => drawRow(this.width, writes));
        })
        .join('\n');
      widths.endFrame();
      styledChars.endFrame();
      rows.endFrame();
      return { output, height: this.height };
    }

    /** Ink's clipping and transforming of one write, giving the lines each row receives. */
    private place(
      operation: Extract<Operation, { type: 'write' }>,
      clip: Clip | undefined,
      writesByRow: { x: number; line: string }[][],
    ): void {
      let { x, y } = operation;
      let lines = operation.text.split('\n');
      if (clip) {
        const clipHorizontally = typeof clip.x1 === 'number' && typeof clip.x2 === 'number';
        const clipVertically = typeof clip.y1 === 'number' && typeof clip.y2 === 'number';
        if (clipHorizontally) {
          const width = widestLine(operation.text);
          if (x + width < (clip.x1 as number) || x > (clip.x2 as number)) return;
        }
        if (clipVertically && (y + lines.length < (clip.y1 as number) || y > (clip.y2 as number))) return;
        if (clipHorizontally) {
          const x1 = clip.x1 as number;
          const x2 = clip.x2 as number;
          lines = lines.map((line) => {
            const from = x < x1 ? x1 - x : 0;
            const width = widthOf(line);
            const to = x + width > x2 ? x2 - x : width;
            return helpers.sliceAnsi(line, from, to);
          });
          if (x < x1) x = x1;
        }
        if (clipVertically) {
          const y1 = clip.y1 as number;
          const y2 = clip.y2 as number;
          const from = y < y1 ? y1 - y : 0;
          const to = y + lines.length > y2 ? y2 - y : lines.length;
          lines = lines.slice(from, to);
          if (y < y1) y = y1;
        }
      }
      let offsetY = 0;
      for (let [index, line] of lines.entries()) {
        const writes = writesByRow[y + offsetY];
        // As Ink does: once a line falls outside the frame, the rest of this write is dropped.
        if (!writes) continue;
        for (const transformer of operation.transformers) line = transformer(line, index);
        if (charsOf(line).length > 0) writes.push({ x, line });
        offsetY++;
      }
    }
  };
}
