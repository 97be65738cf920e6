import { describe, expect, it } from 'vitest';
import { alternativeInstanceTypes } from '../../source/aws/alternativeInstanceTypes.js';

describe('alternativeInstanceTypes', () => {
  it('suggests the neighbouring generations and the other x86 vendor, same size', () => {
    expect(alternativeInstanceTypes('m7i.large')).toEqual(['m6i.large', 'm8i.large', 'm7a.large']);
    expect(alternativeInstanceTypes('c7a.2xlarge')).toEqual([
      'c6a.2xlarge',
      'c8a.2xlarge',
      'c7i.2xlarge',
      'c7.2xlarge',
    ]);
    expect(alternativeInstanceTypes('m5.xlarge')).toEqual([
      'm4.xlarge',
      'm6.xlarge',
      'm5a.xlarge',
      'm5i.xlarge',
    ]);
    expect(alternativeInstanceTypes('r7iz.large')).toEqual(['r6iz.large', 'r8iz.large', 'r7az.large']);
  });

  it('keeps Graviton types on Graviton', () => {
    expect(alternativeInstanceTypes('m7g.large')).toEqual(['m6g.large', 'm8g.large']);
  });

  it('has nothing for names it cannot read', () => {
    expect(alternativeInstanceTypes('ml.t3.medium')).toEqual([]);
    expect(alternativeInstanceTypes('weird')).toEqual([]);
  });
});
