import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  toTagValue,
  validateTagValue,
  validateWorkstationName,
} from '../../../source/core/launch/validateLaunchNames.js';

describe('launch names and tags', () => {
  it('accepts ordinary workstation names and refuses shell metacharacters', () => {
    expect(validateWorkstationName('thesis-2026.v2')).toBeUndefined();
    for (const bad of ['', '-leading', 'has space', 'a;b', '$(id)', 'a'.repeat(64), 'émile']) {
      expect(validateWorkstationName(bad)).toMatch(/is not valid/);
    }
  });

  it('never echoes control characters back in its message', () => {
    expect(validateWorkstationName('\u001b]0;pwned\u0007')).not.toMatch(/[\u0000-\u001f]/);
  });

  it('refuses reserved and malformed tag keys and values', () => {
    expect(validateTagValue('grant', 'NSF-1234567')).toBeUndefined();
    expect(validateTagValue('aws:createdBy', 'x')).toMatch(/tag key/);
    expect(validateTagValue('grant', '`reboot`')).toMatch(/value of tag 'grant'/);
    expect(validateTagValue('grant', 'x'.repeat(257))).toMatch(/at most 256/);
  });

  it('turns any text into a valid tag value', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        expect(validateTagValue('reason', toTagValue(text))).toBeUndefined();
      }),
    );
  });
});
