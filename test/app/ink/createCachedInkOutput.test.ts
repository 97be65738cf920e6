import { styledCharsFromTokens, styledCharsToString, tokenize } from '@alcalzone/ansi-tokenize';
import fc from 'fast-check';
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
// Ink's own frame builder, the one the build replaces: the reference for every frame.
import InkOutput from '../../../node_modules/ink/build/output.js';
import { createCachedInkOutput, type StyledCell } from '../../../source/app/ink/createCachedInkOutput.js';

const helpers = {
  sliceAnsi,
  stringWidth,
  tokenize,
  styledCharsFromTokens: (tokens: ReturnType<typeof tokenize>) =>
    styledCharsFromTokens(tokens) as StyledCell[],
  styledCharsToString: (cells: StyledCell[]) =>
    styledCharsToString(cells as Parameters<typeof styledCharsToString>[0]),
};

type Transformer = (line: string, index: number) => string;
type Op =
  | { type: 'write'; x: number; y: number; text: string; transformers: Transformer[] }
  | { type: 'clip'; clip: { x1?: number; x2?: number; y1?: number; y2?: number } }
  | { type: 'unclip' };

const TRANSFORMERS: Record<string, Transformer> = {
  upper: (line) => line.toUpperCase(),
  numbered: (line, index) => `${index}:${line}`,
  empty: () => '',
};

// Plain text, colours and bold (as chalk writes them), wide characters and emoji, empty lines.
const piece = fc.constantFrom(
  'ws-1',
  ' running ',
  '\u001B[32m',
  '\u001B[39m',
  '\u001B[1m',
  '\u001B[22m',
  '\u001B[7m',
  '\u001B[27m',
  '漢字',
  '👍',
  '$0.0832',
  '',
  '│',
);
const line = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));
const text = fc.array(line, { minLength: 1, maxLength: 4 }).map((lines) => lines.join('\n'));
const coordinate = fc.integer({ min: -3, max: 14 });
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      type: fc.constant('write' as const),
      x: coordinate,
      y: coordinate,
      text,
      transformers: fc
        .subarray(Object.keys(TRANSFORMERS))
        .map((names) => names.map((name) => TRANSFORMERS[name] as Transformer)),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('clip' as const),
      clip: fc.record(
        { x1: coordinate, x2: coordinate, y1: coordinate, y2: coordinate },
        { requiredKeys: [] },
      ),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ type: 'unclip' as const }) },
);
const frame = fc.record({
  width: fc.integer({ min: 0, max: 12 }),
  height: fc.integer({ min: 0, max: 10 }),
  ops: fc.array(op, { maxLength: 12 }),
});

interface OutputLike {
  write(x: number, y: number, text: string, options: { transformers: Transformer[] }): void;
  clip(clip: object): void;
  unclip(): void;
  get(): { output: string; height: number };
}

function draw(output: OutputLike, ops: readonly Op[]) {
  for (const operation of ops) {
    if (operation.type === 'write')
      output.write(operation.x, operation.y, operation.text, { transformers: operation.transformers });
    else if (operation.type === 'clip') output.clip(operation.clip);
    else output.unclip();
  }
  return output.get();
}

describe('createCachedInkOutput', () => {
  it('draws every frame of a sequence exactly as Ink does, with what it remembers from the frames before', () => {
    fc.assert(
      fc.property(fc.array(frame, { minLength: 1, maxLength: 6 }), (frames) => {
        const CachedOutput = createCachedInkOutput(helpers);
        for (const { width, height, ops } of frames) {
          const expected = draw(new InkOutput({ width, height }) as unknown as OutputLike, ops);
          expect(draw(new CachedOutput({ width, height }), ops)).toEqual(expected);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('draws a scrolled table from the rows it already drew, and a changed row anew', () => {
    const CachedOutput = createCachedInkOutput(helpers);
    const rows = (first: number, cursor: number) =>
      Array.from({ length: 5 }, (_, index) => {
        const row = `ws-${first + index} \u001B[32mrunning\u001B[39m 漢`;
        return first + index === cursor ? `\u001B[7m${row}\u001B[27m` : row;
      });
    for (const [first, cursor] of [
      [0, 0],
      [0, 1],
      [1, 2],
      [2, 3],
    ] as const) {
      const ops: Op[] = rows(first, cursor).map((row, y) => ({
        type: 'write',
        x: 0,
        y,
        text: row,
        transformers: [],
      }));
      const expected = draw(new InkOutput({ width: 30, height: 5 }) as unknown as OutputLike, ops);
      expect(draw(new CachedOutput({ width: 30, height: 5 }), ops)).toEqual(expected);
    }
  });
});
