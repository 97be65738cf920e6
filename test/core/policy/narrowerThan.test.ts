import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { globCovers, matchesGlob } from '../../../source/core/policy/matchesGlob.js';
import { narrowerThan } from '../../../source/core/policy/narrowerThan.js';
import type { Policy } from '../../../source/core/policy/policySchema.js';

const parent: Policy = {
  templates: { allow: ['python-*', 'r-*'], deny: ['*-gpu'] },
  instance_types: { allow: ['t3.*', 'm7i.*'] },
  max_vcpus: 16,
  max_hourly_cost: 1,
  spot: 'required',
  service_types: ['ec2', 'web'],
  required_tags: ['project'],
};

describe('matchesGlob', () => {
  it('matches * against any run of characters', () => {
    expect(matchesGlob('t3.*', 't3.large')).toBe(true);
    expect(matchesGlob('*-gpu', 'python-gpu')).toBe(true);
    expect(matchesGlob('m*i.*large', 'm7i.2xlarge')).toBe(true);
    expect(matchesGlob('t3.*', 't3a.large')).toBe(false);
    expect(matchesGlob('a*a', 'a')).toBe(false);
    expect(matchesGlob('m7i.large', 'm7i.large')).toBe(true);
  });

  it('covers a narrower pattern only when every match of it matches the wider one', () => {
    const word = fc.stringMatching(/^[ab.*]{0,6}$/);
    const text = fc.stringMatching(/^[ab.]{0,8}$/);
    fc.assert(
      fc.property(word, word, text, (outer, inner, value) => {
        if (globCovers(outer, inner) && matchesGlob(inner, value)) {
          expect(matchesGlob(outer, value)).toBe(true);
        }
      }),
    );
  });
});

describe('narrowerThan', () => {
  it('accepts the same policy', () => {
    expect(narrowerThan(parent, parent)).toEqual({ ok: true, widened: [] });
  });

  it('accepts a strictly narrower policy', () => {
    const child: Policy = {
      templates: { allow: ['python-ml'], deny: ['*-gpu', 'python-old'] },
      instance_types: { allow: ['t3.*'] },
      regions: { allow: ['us-east-1'] },
      max_vcpus: 4,
      max_hourly_cost: 0.5,
      spot: 'required',
      service_types: ['ec2'],
      required_tags: ['project', 'grant'],
    };
    expect(narrowerThan(child, parent)).toEqual({ ok: true, widened: [] });
  });

  it('names every way a child widens its parent', () => {
    const child: Policy = {
      templates: { allow: ['python-*', 'julia-*'] },
      max_vcpus: 32,
      spot: 'allowed',
      service_types: ['ec2', 'sagemaker'],
    };
    expect(narrowerThan(child, parent).widened).toEqual([
      "templates.allow: 'julia-*' is not within the parent's python-*, r-*",
      "templates.deny: the parent denies '*-gpu', the child does not",
      'instance_types.allow: the parent allows only t3.*, m7i.*, the child allows all',
      "max_vcpus: 32 is above the parent's 16",
      'max_hourly_cost: the parent caps it at 1, the child has no cap',
      "spot: the parent requires spot, the child has 'allowed'",
      "service_types: 'sagemaker' is not among the parent's ec2, web",
      "required_tags: the parent requires 'project', the child does not",
    ]);
  });

  it('treats a wider glob as widening', () => {
    const result = narrowerThan({ ...parent, instance_types: { allow: ['*'] } }, parent);
    expect(result.ok).toBe(false);
    expect(result.widened).toEqual(["instance_types.allow: '*' is not within the parent's t3.*, m7i.*"]);
  });

  it('accepts any child of the empty policy', () => {
    expect(narrowerThan(parent, {}).ok).toBe(true);
    expect(narrowerThan({}, parent).ok).toBe(false);
  });

  it('keeps forbidden spot and required hibernation', () => {
    expect(narrowerThan({ spot: 'allowed' }, { spot: 'forbidden' }).widened).toEqual([
      "spot: the parent forbids spot, the child has 'allowed'",
    ]);
    expect(narrowerThan({}, { hibernation: 'required' }).widened).toEqual([
      "hibernation: the parent requires it, the child has 'optional'",
    ]);
  });
});
