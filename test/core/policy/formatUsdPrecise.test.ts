import { describe, expect, it } from 'vitest';
import { formatUsdPrecise } from '../../../source/core/policy/formatUsdPrecise.js';

describe('formatUsdPrecise', () => {
  it('keeps enough places to tell a price from a cap', () => {
    expect(formatUsdPrecise(1.006)).toBe('$1.006');
    expect(formatUsdPrecise(1)).toBe('$1.00');
    expect(formatUsdPrecise(0.0416)).toBe('$0.0416');
    expect(formatUsdPrecise(0.5)).toBe('$0.50');
    expect(formatUsdPrecise(612)).toBe('$612.00');
    expect(formatUsdPrecise(99.12345)).toBe('$99.1235');
  });
});
