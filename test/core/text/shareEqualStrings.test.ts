import { describe, expect, it } from 'vitest';
import { shareEqualStrings } from '../../../source/core/text/shareEqualStrings.js';

describe('shareEqualStrings', () => {
  it('keeps every value as it was, in objects and arrays at any depth', () => {
    const text = JSON.stringify({
      instances: [
        { id: 'i-1', zone: 'us-east-1a', tags: { a: 'x' }, list: ['p', 'q', 1, null, true] },
        { id: 'i-2', zone: 'us-east-1a', tags: { a: 'x' }, list: [] },
      ],
      count: 2,
      empty: null,
    });
    expect(shareEqualStrings(JSON.parse(text))).toEqual(JSON.parse(text));
  });

  it('returns the very object it was given, and leaves non-objects alone', () => {
    const parsed = { a: 'b' };
    expect(shareEqualStrings(parsed)).toBe(parsed);
    expect(shareEqualStrings('text')).toBe('text');
    expect(shareEqualStrings(null)).toBeNull();
    expect(shareEqualStrings(3)).toBe(3);
  });
});
