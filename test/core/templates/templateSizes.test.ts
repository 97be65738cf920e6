import { describe, expect, it } from 'vitest';
import { findInstanceType } from '../../../source/core/catalog/instanceTypes.js';
import { chooseInstanceType } from '../../../source/core/launch/chooseInstanceType.js';
import { GLOBAL_SIZES } from '../../../source/core/templates/globalSizes.js';
import type { ResolvedTemplate } from '../../../source/core/templates/templateSchema.js';
import {
  minimumSizeProblem,
  templateSizes,
  templateSizesLabel,
} from '../../../source/core/templates/templateSizes.js';

const template = (fields: Partial<ResolvedTemplate>): ResolvedTemplate => ({
  slug: 't',
  name: 'T',
  description: '',
  base: 'ubuntu-24.04',
  inheritance_chain: ['t'],
  source: 't.yml',
  ...fields,
});

describe('global sizes', () => {
  it('are offered to a template without sizes, per architecture, from its minimum up', () => {
    expect(templateSizes(template({}))).toEqual({
      XS: 't3.small',
      S: 't3.medium',
      M: 't3.large',
      L: 't3.xlarge',
      XL: 't3.2xlarge',
      'GPU-S': 'g4dn.xlarge',
      'GPU-M': 'g4dn.2xlarge',
      'GPU-L': 'g4dn.4xlarge',
      'GPU-XL': 'g4dn.12xlarge',
    });
    expect(Object.keys(templateSizes(template({ minimum_size: 'medium' })))).toEqual([
      'M',
      'L',
      'XL',
      'GPU-S',
      'GPU-M',
      'GPU-L',
      'GPU-XL',
    ]);
    expect(templateSizes(template({ architecture: 'arm64', minimum_size: 'GPU-M' }))).toEqual({
      'GPU-M': 'g5g.2xlarge',
      'GPU-L': 'g5g.4xlarge',
      'GPU-XL': 'g5g.16xlarge',
    });
    // The default type's architecture decides when none is declared.
    expect(templateSizes(template({ instance_defaults: { type: 'm7g.large' } })).S).toBe('t4g.medium');
    expect(templateSizesLabel(template({ minimum_size: 'M' }))).toBe('M-XL GPU-S-GPU-XL');
  });

  it('name catalog types with the same vCPUs on both architectures (GPU-XL: the most GPUs each has), GPUs on the GPU sizes', () => {
    for (const size of GLOBAL_SIZES) {
      const [x86, arm] = [findInstanceType(size.types.x86_64), findInstanceType(size.types.arm64)];
      expect(x86?.architecture, size.name).toBe('x86_64');
      expect(arm?.architecture, size.name).toBe('arm64');
      if (size.kind === 'cpu' || size.name !== 'GPU-XL') expect(x86!.vcpus, size.name).toBe(arm!.vcpus);
      expect(x86!.gpus > 0, size.name).toBe(size.kind === 'gpu');
      expect(arm!.gpus > 0, size.name).toBe(size.kind === 'gpu');
    }
  });

  it('give way to the template’s own sizes', () => {
    const own = template({ sizes: { M: 'r5.xlarge', L: 'r5.2xlarge' }, minimum_size: 'L' });
    expect(templateSizes(own)).toEqual({ M: 'r5.xlarge', L: 'r5.2xlarge' });
    expect(chooseInstanceType(own, { size: 'l' })).toBe('r5.2xlarge');
    expect(chooseInstanceType(own, {})).toBe('r5.2xlarge');
    expect(() => chooseInstanceType(own, { size: 'XS' })).toThrow("t needs at least size L, not 'XS'");
  });

  it('choose the launch type: --size by any spelling, the minimum by default, a clear error below it', () => {
    const cpu = template({ minimum_size: 'M' });
    expect(chooseInstanceType(cpu, { size: 'M' })).toBe('t3.large');
    expect(chooseInstanceType(cpu, { size: 'x-large' })).toBe('t3.2xlarge');
    expect(chooseInstanceType(cpu, { size: 'gpu-small' })).toBe('g4dn.xlarge');
    expect(chooseInstanceType(cpu, {})).toBe('t3.large');
    expect(chooseInstanceType(template({}), {})).toBe('t3.medium');
    expect(() => chooseInstanceType(cpu, { size: 'S' })).toThrow(
      expect.objectContaining({
        message: "t needs at least size M, not 'S'",
        hint: 'Its sizes are M, L, XL, GPU-S, GPU-M, GPU-L, GPU-XL.',
      }),
    );
    expect(() => chooseInstanceType(cpu, { size: 'huge' })).toThrow("t has no size 'huge'");
    // An AMI template's type for the architecture is its default.
    expect(
      chooseInstanceType(
        template({ base: 'ami-based', ami_config: { instance_types: { x86_64: 'g4dn.xlarge' } } }),
        {},
      ),
    ).toBe('g4dn.xlarge');
  });

  it('check minimum_size against the sizes offered', () => {
    expect(minimumSizeProblem(template({ minimum_size: 'GPU-L' }))).toBeUndefined();
    expect(minimumSizeProblem(template({ minimum_size: 'XXL' }))).toBe(
      "minimum_size 'XXL' is not a size: the global sizes are XS, S, M, L, XL, GPU-S, GPU-M, GPU-L, GPU-XL",
    );
    expect(minimumSizeProblem(template({ sizes: { S: 't3.medium' }, minimum_size: 'M' }))).toBe(
      "minimum_size 'M' is not one of the sizes (S)",
    );
  });
});
