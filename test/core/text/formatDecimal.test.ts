import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDecimal } from '../../../source/core/text/formatDecimal.js';

const intl = (decimals?: number) =>
  new Intl.NumberFormat(
    'en-US',
    decimals === undefined ? {} : { minimumFractionDigits: decimals, maximumFractionDigits: decimals },
  );
/** A value as the app hands it over: already rounded to the decimals shown. */
const roundTo = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

describe('formatDecimal', () => {
  it('prints what Intl en-US prints for amounts rounded to cents or hundredths of cents', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e13, max: 1e13, noNaN: true }),
        fc.constantFrom(2, 4),
        (raw, decimals) => {
          const value = roundTo(raw, decimals);
          expect(formatDecimal(Math.abs(value), decimals)).toBe(intl(decimals).format(Math.abs(value)));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('prints whole counts with thousands separators, as Intl does', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 52), max: 2 ** 52 }), (count) => {
        expect(formatDecimal(count)).toBe(intl().format(count));
      }),
      { numRuns: 5000 },
    );
  });

  it('groups at every third digit, keeps the decimals, and leaves the rare sizes to Intl', () => {
    expect(formatDecimal(0, 2)).toBe('0.00');
    expect(formatDecimal(999.5, 2)).toBe('999.50');
    expect(formatDecimal(1000, 2)).toBe('1,000.00');
    expect(formatDecimal(3031.7995, 4)).toBe('3,031.7995');
    expect(formatDecimal(1234567)).toBe('1,234,567');
    expect(formatDecimal(-1234.5, 2)).toBe('-1,234.50');
    expect(formatDecimal(1e20, 2)).toBe(intl(2).format(1e20));
    expect(formatDecimal(2.5)).toBe(intl().format(2.5));
    expect(formatDecimal(Number.POSITIVE_INFINITY, 2)).toBe('∞');
    expect(formatDecimal(Number.NaN)).toBe('NaN');
  });
});
