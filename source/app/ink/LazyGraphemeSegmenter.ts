/**
 * Stands in for `Intl.Segmenter` in the terminal text libraries Ink uses (string-width, slice-ansi,
 * wrap-ansi, cli-truncate, @alcalzone/ansi-tokenize; swapped in at bundle time by
 * scripts/segmenterWithoutIcu.mjs). Each of them makes a segmenter when loaded, and ICU's break
 * rules then stay resident (about 3 MB) for the life of the process, although nearly all the text
 * the dashboard draws has no grapheme cluster longer than one UTF-16 unit. Such text is split here
 * in plain JS; any other text (emoji sequences, combining marks, Hangul jamo, surrogates, CR LF...)
 * goes to a real `Intl.Segmenter`, made the first time one is needed. The segments are the same
 * either way (test/app/ink/LazyGraphemeSegmenter.test.ts checks every code point it splits alone).
 */
export class LazyGraphemeSegmenter {
  readonly #locales: Intl.LocalesArgument;
  readonly #options: Intl.SegmenterOptions | undefined;
  #real: Intl.Segmenter | undefined;

  constructor(locales?: Intl.LocalesArgument, options?: Intl.SegmenterOptions) {
    this.#locales = locales;
    this.#options = options;
    // Word and sentence segmentation need ICU's dictionaries: those go to Intl from the start.
    if (options?.granularity !== undefined && options.granularity !== 'grapheme') this.real();
  }

  segment(input: string): GraphemeSegments {
    const text = String(input);
    const grapheme = this.#options?.granularity === undefined || this.#options.granularity === 'grapheme';
    if (grapheme && isOneUnitPerGrapheme(text)) return new CodeUnitSegments(text);
    return this.real().segment(text);
  }

  resolvedOptions(): Intl.ResolvedSegmenterOptions {
    return this.real().resolvedOptions();
  }

  private real(): Intl.Segmenter {
    this.#real ??= new Intl.Segmenter(this.#locales, this.#options);
    return this.#real;
  }
}

/** The part of `Intl.Segments` the libraries use: iteration and `containing`. */
export interface GraphemeSegments extends Iterable<Intl.SegmentData> {
  containing(codeUnitIndex?: number): Intl.SegmentData | undefined;
}

class CodeUnitSegments implements GraphemeSegments {
  constructor(private readonly input: string) {}

  containing(codeUnitIndex = 0): Intl.SegmentData | undefined {
    // As Intl does: the index is truncated to an integer (NaN is 0); outside the text, no segment.
    const index = Math.trunc(Number(codeUnitIndex)) || 0;
    if (index < 0 || index >= this.input.length) return undefined;
    return { segment: this.input.charAt(index), index, input: this.input };
  }

  *[Symbol.iterator](): Iterator<Intl.SegmentData> {
    const { input } = this;
    for (let index = 0; index < input.length; index += 1)
      yield { segment: input.charAt(index), index, input };
  }
}

/**
 * UTF-16 ranges whose code points all have the Grapheme_Cluster_Break value Other, Control or LF
 * (UAX #29): no rule joins two of them, so a text made only of them has one unit per cluster. Left
 * out on purpose: CR (CR LF is one cluster), combining marks, ZWNJ and ZWJ, variation selectors and
 * other Extend, SpacingMark and Prepend characters, Hangul jamo and syllables, surrogates (emoji,
 * regional indicators), halfwidth kana voicing marks.
 */
const ALONE: readonly (readonly [number, number])[] = [
  [0x0000, 0x000c],
  [0x000e, 0x02ff], // C0/C1 controls, Latin-1, Latin Extended, IPA, spacing modifier letters
  [0x0370, 0x0482], // Greek and Coptic, Cyrillic up to its combining marks
  [0x048a, 0x052f],
  [0x1e00, 0x1fff], // Latin Extended Additional, Greek Extended
  [0x2000, 0x200a], // spaces (ZWSP to RLM follow)
  [0x2010, 0x2027], // dashes, quotes, bullets, '…'
  [0x2030, 0x205e],
  [0x2070, 0x20cf], // super- and subscripts, currency signs (combining marks for symbols follow)
  [0x2100, 0x2bff], // letterlike, arrows, maths, technical, box drawing, blocks, shapes, symbols, dingbats, braille
  [0x3000, 0x3029], // CJK punctuation (ideographic tone marks follow)
  [0x3030, 0x3098], // hiragana (the combining voicing marks follow)
  [0x309b, 0x30ff], // katakana
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xff01, 0xff9d], // full- and halfwidth forms up to the halfwidth voicing marks
];

/** Whether every UTF-16 unit of the text is a grapheme cluster on its own. */
export function isOneUnitPerGrapheme(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    // Most text is ASCII: decide it without the table.
    if (code < 0x7f) {
      if (code === 0x0d) return false;
      continue;
    }
    if (!isAlone(code)) return false;
  }
  return true;
}

function isAlone(code: number): boolean {
  for (const [first, last] of ALONE) {
    if (code < first) return false;
    if (code <= last) return true;
  }
  return false;
}
