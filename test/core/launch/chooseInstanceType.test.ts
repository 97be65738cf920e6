import { describe, expect, it } from 'vitest';
import {
  chooseInstanceType,
  FALLBACK_INSTANCE_TYPE,
} from '../../../source/core/launch/chooseInstanceType.js';
import type { ResolvedTemplate } from '../../../source/core/templates/templateSchema.js';

const base: ResolvedTemplate = {
  name: 'R',
  slug: 'r-research',
  description: 'R',
  inheritance_chain: ['r-research'],
  source: 'r.yml',
};

describe('chooseInstanceType', () => {
  it('prefers an explicit type, then the size, then the default type', () => {
    const template = {
      ...base,
      sizes: { S: 't3.large', L: 'r7i.2xlarge' },
      instance_defaults: { type: 't3.xlarge' },
    };
    expect(chooseInstanceType(template, { instance_type: 'c7i.large', size: 'S' })).toBe('c7i.large');
    expect(chooseInstanceType(template, { size: 'l' })).toBe('r7i.2xlarge');
    expect(chooseInstanceType(template, {})).toBe('t3.xlarge');
  });

  it('falls back to the first size, then to the app default', () => {
    expect(chooseInstanceType({ ...base, sizes: { M: 'm7i.large' } }, {})).toBe('m7i.large');
    expect(chooseInstanceType(base, {})).toBe(FALLBACK_INSTANCE_TYPE);
  });

  it('names the sizes a template offers when the size asked for is not one', () => {
    expect(() => chooseInstanceType({ ...base, sizes: { S: 't3.large' } }, { size: 'XL' })).toThrow(
      /no size 'XL'/,
    );
  });
});
