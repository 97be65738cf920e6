import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareText } from '../../../source/core/text/compareText.js';

const collator = new Intl.Collator('en', { numeric: true });
const sign = (value: number) => Math.sign(value);

// Every ASCII code, weighted towards what names, ids and instance types are made of.
const asciiChar = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...'abcxyzABCXYZ0123456789-._ ') },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 127 }).map((code) => String.fromCharCode(code)) },
);
const asciiText = fc.array(asciiChar, { maxLength: 12 }).map((chars) => chars.join(''));
// Strings that share a prefix, so that later characters, numbers and case decide.
const pair = fc
  .tuple(asciiText, asciiText, asciiText)
  .map(([prefix, a, b]) => [prefix + a, prefix + b] as const);
const anyText = fc.string({ unit: 'binary', maxLength: 8 });

describe('compareText', () => {
  it('orders every pair of ASCII strings as the numeric en collator does', () => {
    fc.assert(
      fc.property(fc.oneof(pair, fc.tuple(asciiText, asciiText)), ([a, b]) => {
        expect(sign(compareText(a, b))).toBe(sign(collator.compare(a, b)));
      }),
      { numRuns: 20_000 },
    );
  });

  it('orders strings with any other characters as the collator does (through it)', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, asciiText), anyText, (a, b) => {
        expect(sign(compareText(a, b))).toBe(sign(collator.compare(a, b)));
        expect(sign(compareText(b, a))).toBe(sign(collator.compare(b, a)));
      }),
      { numRuns: 5_000 },
    );
  });

  it('sorts the app strings naturally: numbers by value, case last, symbols before digits', () => {
    const names = [
      'ws-10',
      'ws-9',
      'WS-2',
      'ws-2',
      'ws_1',
      'm7i.xlarge',
      'm7i.large',
      'm10.large',
      'user010',
      'user9',
    ];
    expect([...names].sort(compareText)).toEqual([...names].sort(collator.compare));
    expect([...names].sort(compareText)).toEqual([
      'm7i.large',
      'm7i.xlarge',
      'm10.large',
      'user9',
      'user010',
      'ws_1',
      'ws-2',
      'WS-2',
      'ws-9',
      'ws-10',
    ]);
  });

  it('treats leading zeros and ignorable control characters as the collator does', () => {
    for (const [a, b] of [
      ['a01', 'a1'],
      ['0', '00'],
      ['a\u0001b', 'ab'],
      ['a1B', 'a01b'],
      ['x'.repeat(3) + '9'.repeat(260), 'x'.repeat(3) + '9'.repeat(259)],
    ] as const) {
      expect(sign(compareText(a, b))).toBe(sign(collator.compare(a, b)));
    }
  });
});
