import { describe, expect, it } from 'vitest';
import { goalLimit, meetsGoal } from '../../bench/BenchFigure.js';

describe('the goals --check enforces', () => {
  it('reads "<", "<=" and "≤" bounds with their units and thousands separators', () => {
    expect(goalLimit('< 50 ms')).toEqual({ limit: 50, inclusive: false });
    expect(goalLimit('<= 600 bytes')).toEqual({ limit: 600, inclusive: true });
    expect(goalLimit('≤ 1.1x')).toEqual({ limit: 1.1, inclusive: true });
    expect(goalLimit('< 1,000 ms')).toEqual({ limit: 1000, inclusive: false });
    expect(goalLimit('= pages (12)')).toBeUndefined();
    expect(goalLimit(undefined)).toBeUndefined();
  });

  it('fails a figure over its bound, and one equal to a strict bound', () => {
    expect(meetsGoal(600, '<= 600 bytes')).toBe(true);
    expect(meetsGoal(601, '<= 600 bytes')).toBe(false);
    expect(meetsGoal(50, '< 50 ms')).toBe(false);
    expect(meetsGoal(1.2, '<= 1.1x')).toBe(false);
    expect(meetsGoal(5, undefined)).toBe(true);
  });
});
