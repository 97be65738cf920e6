import { describe, expect, it } from 'vitest';
import {
  findInstanceType,
  instanceFamily,
  listFamily,
  listInstanceTypes,
  nextSmallerInFamily,
  sameFamily,
} from '../../../source/core/catalog/instanceTypes.js';

describe('instance type catalog', () => {
  it('knows the specifications of common research types', () => {
    expect(findInstanceType('t3.micro')).toEqual({
      name: 't3.micro',
      vcpus: 2,
      memory_gib: 1,
      gpus: 0,
      architecture: 'x86_64',
      hibernation_supported: true,
    });
    expect(findInstanceType('m7g.xlarge')).toMatchObject({ vcpus: 4, memory_gib: 16, architecture: 'arm64' });
    expect(findInstanceType('r7i.2xlarge')).toMatchObject({ vcpus: 8, memory_gib: 64 });
    expect(findInstanceType('g5.12xlarge')).toMatchObject({
      gpus: 4,
      gpu_model: 'NVIDIA A10G',
      memory_gib: 192,
    });
    expect(findInstanceType('p5.48xlarge')).toMatchObject({ gpus: 8, gpu_model: 'NVIDIA H100' });
    expect(findInstanceType('ml.t3.medium')).toMatchObject({
      vcpus: 2,
      memory_gib: 4,
      hibernation_supported: false,
    });
    expect(findInstanceType(' M6I.LARGE ')?.name).toBe('m6i.large');
    expect(findInstanceType('x9z.large')).toBeUndefined();
  });

  it('supports hibernation only in supported families with at most 150 GiB of RAM', () => {
    expect(findInstanceType('r7i.4xlarge')?.hibernation_supported).toBe(true);
    expect(findInstanceType('r7i.8xlarge')?.hibernation_supported).toBe(false);
    expect(findInstanceType('p3.2xlarge')?.hibernation_supported).toBe(false);
    expect(findInstanceType('t3.nano')?.gpu_model).toBeUndefined();
  });

  it('has every current family and the previous generations AWS still sells', () => {
    const families = new Set(listInstanceTypes().map((info) => instanceFamily(info.name)));
    for (const family of [
      't2',
      'm4',
      'm5',
      'm5a',
      'c4',
      'c5',
      'c5n',
      'r4',
      'r5',
      'p3',
      'p3dn',
      'g4dn',
      'g4ad',
      'g5g',
      'i3',
      'd2',
      'x1e',
      'z1d',
      'm6g',
      'c7g',
      'r8g',
      'inf2',
      'trn1',
      'hpc7g',
    ]) {
      expect(families.has(family), family).toBe(true);
    }
    expect(findInstanceType('r5.large')).toEqual({
      name: 'r5.large',
      vcpus: 2,
      memory_gib: 16,
      gpus: 0,
      architecture: 'x86_64',
      hibernation_supported: true,
    });
    expect(findInstanceType('c5.9xlarge')).toMatchObject({ vcpus: 36, memory_gib: 72 });
    expect(findInstanceType('m5zn.3xlarge')).toMatchObject({ vcpus: 12, memory_gib: 48 });
    expect(findInstanceType('t2.micro')).toMatchObject({ vcpus: 1, memory_gib: 1 });
    expect(findInstanceType('g5g.xlarge')).toMatchObject({
      architecture: 'arm64',
      gpus: 1,
      gpu_model: 'NVIDIA T4G',
    });
    expect(findInstanceType('x2iedn.xlarge')).toMatchObject({ vcpus: 4, memory_gib: 128 });
    expect(findInstanceType('m5.metal')).toMatchObject({ vcpus: 96, hibernation_supported: false });
    expect(nextSmallerInFamily('m7i.48xlarge')?.name).toBe('m7i.24xlarge');
  });

  it('lists every type once, by family and from smallest to largest', () => {
    const names = listInstanceTypes().map((info) => info.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.indexOf('t3.nano')).toBeLessThan(names.indexOf('t3.2xlarge'));
    expect(listFamily('m7i').map((info) => info.name)).toEqual([
      'm7i.large',
      'm7i.xlarge',
      'm7i.2xlarge',
      'm7i.4xlarge',
      'm7i.8xlarge',
      'm7i.12xlarge',
      'm7i.16xlarge',
      'm7i.24xlarge',
      'm7i.48xlarge',
      'm7i.metal-24xl',
      'm7i.metal-48xl',
    ]);
    const copy = listInstanceTypes();
    copy.pop();
    expect(listInstanceTypes().length).toBe(copy.length + 1);
  });

  it('names families and finds the next smaller size', () => {
    expect(instanceFamily('ml.g5.xlarge')).toBe('ml.g5');
    expect(sameFamily('m7i.large', 'm7i.48xlarge')).toBe(true);
    expect(sameFamily('m7i.large', 'm7g.large')).toBe(false);
    expect(nextSmallerInFamily('m7i.xlarge')?.name).toBe('m7i.large');
    expect(nextSmallerInFamily('g4dn.metal')?.name).toBe('g4dn.16xlarge');
    expect(nextSmallerInFamily('t3.nano')).toBeUndefined();
    expect(nextSmallerInFamily('unknown.large')).toBeUndefined();
  });
});
