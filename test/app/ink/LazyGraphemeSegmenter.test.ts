import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  isOneUnitPerGrapheme,
  LazyGraphemeSegmenter,
} from '../../../source/app/ink/LazyGraphemeSegmenter.js';

const RealSegmenter = Intl.Segmenter;
const intl = new RealSegmenter(undefined, { granularity: 'grapheme' });
const plain = (segments: Iterable<Intl.SegmentData>) =>
  [...segments].map(({ segment, index, input }) => ({ segment, index, input }));

// Intl.Segmenter is a writable global; the type says readonly, so it is swapped through defineProperty.
const setSegmenter = (value: typeof Intl.Segmenter) =>
  Object.defineProperty(Intl, 'Segmenter', { value, writable: true, configurable: true });
afterEach(() => {
  setSegmenter(RealSegmenter);
});

// Every BMP code unit the fast path splits alone.
const alone = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code)).filter(
  isOneUnitPerGrapheme,
);

describe('isOneUnitPerGrapheme', () => {
  it('admits only code points no UAX #29 rule joins to a neighbour (checked against ICU, one by one)', () => {
    expect(alone.length).toBeGreaterThan(25_000);
    for (const c of alone) {
      // Neighbours that reveal every joining class: Other before and after (Extend, ZWJ, SpacingMark,
      // Prepend), itself (regional indicators, jamo L/V/T, Prepend), a vowel jamo (LV), a trailing
      // jamo (LVT) and LF (CR).
      const probe = `x${c}${c}\u1161x${c}\u11a8${c}\n`;
      const segments = [...intl.segment(probe)];
      if (segments.length !== probe.length)
        throw new Error(`U+${c.charCodeAt(0).toString(16)} joins a neighbour`);
    }
  });

  it('leaves out what joins: CR LF, marks, ZWJ, variation selectors, jamo, surrogates', () => {
    for (const text of [
      '\r\n',
      'e\u0301',
      '\u200d',
      '\u2764\ufe0f',
      '\u1100\u1161',
      '\ud83d\ude00',
      '\u30ab\u3099',
      '\uff76\uff9e',
    ]) {
      expect(isOneUnitPerGrapheme(text)).toBe(false);
    }
    expect(isOneUnitPerGrapheme('ws-1 · m7i.large ─│┌ → … ✓ ● ▲ █ 研究 €')).toBe(true);
  });
});

describe('LazyGraphemeSegmenter', () => {
  const alonePiece = fc.constantFrom(
    ...alone.filter((_, index) => index % 7 === 0),
    'a',
    ' ',
    '─',
    '…',
    '\u001b',
    '[',
    'm',
  );
  const anyPiece = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 3 }),
    fc.string({ unit: 'binary', maxLength: 3 }),
    fc.constantFrom('\r\n', '\r', '\u200d', '\ufe0f', '\u{1f1e9}\u{1f1ea}', '\u0301', '\u{1f44d}\u{1f3fd}'),
  );
  const texts = fc.oneof(
    fc.array(alonePiece, { maxLength: 40 }).map((pieces) => pieces.join('')),
    fc.array(fc.oneof(alonePiece, anyPiece), { maxLength: 20 }).map((pieces) => pieces.join('')),
  );

  it("yields Intl.Segmenter's segments, and the same `containing`, for any text", () => {
    const lazy = new LazyGraphemeSegmenter(undefined, { granularity: 'grapheme' });
    const unnamed = new LazyGraphemeSegmenter();
    fc.assert(
      fc.property(texts, (text) => {
        const expected = plain(intl.segment(text));
        expect(plain(lazy.segment(text))).toEqual(expected);
        expect(plain(unnamed.segment(text))).toEqual(expected);
        const real = intl.segment(text);
        const mine = lazy.segment(text);
        for (const index of [-1, 0, 1, text.length - 1, text.length, text.length + 1, 0.5, Number.NaN]) {
          expect(mine.containing(index)).toEqual(real.containing(index));
        }
        expect(mine.containing()).toEqual(real.containing());
      }),
      { numRuns: 5_000 },
    );
  });

  it('makes no Intl.Segmenter until a text needs one, then one only', () => {
    let made = 0;
    setSegmenter(
      class extends RealSegmenter {
        constructor(...args: ConstructorParameters<typeof RealSegmenter>) {
          super(...args);
          made += 1;
        }
      },
    );
    const lazy = new LazyGraphemeSegmenter(undefined, { granularity: 'grapheme' });
    const text = '┌─ ws-1 · 42 → ok …';
    expect(plain(lazy.segment(text))).toHaveLength(text.length);
    expect(made).toBe(0);
    expect(plain(lazy.segment('👍🏽 e\u0301')).map((part) => part.segment)).toEqual(['👍🏽', ' ', 'e\u0301']);
    lazy.segment('\r\n');
    expect(made).toBe(1);
  });

  it('hands word segmentation to Intl whole', () => {
    const words = new LazyGraphemeSegmenter('en', { granularity: 'word' });
    expect(plain(words.segment('two words')).map((part) => part.segment)).toEqual(['two', ' ', 'words']);
    expect(words.resolvedOptions().granularity).toBe('word');
  });
});
