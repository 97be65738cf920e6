import { describe, expect, it } from 'vitest';
import { formatUsd } from '../../../source/core/policy/formatUsd.js';

describe('formatUsd', () => {
  it('keeps enough places to tell a price from a cap', () => {
    expect(formatUsd(1.006)).toBe('$1.006');
    expect(formatUsd(1)).toBe('$1.00');
    expect(formatUsd(0.0416)).toBe('$0.0416');
    expect(formatUsd(0.5)).toBe('$0.50');
    expect(formatUsd(612)).toBe('$612.00');
    expect(formatUsd(99.12345)).toBe('$99.1235');
  });
});
