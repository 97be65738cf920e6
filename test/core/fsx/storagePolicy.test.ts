import { describe, expect, it } from 'vitest';
import { requireStoragePolicy } from '../../../source/core/fsx/requireStoragePolicy.js';
import { evaluatePolicy } from '../../../source/core/policy/evaluatePolicy.js';
import { policySchema } from '../../../source/core/policy/policySchema.js';

const policy = policySchema.parse({
  regions: { allow: ['us-east-1'] },
  storage: { types: ['openzfs'], max_capacity_gib: 1024, max_throughput_mbps: 256, max_monthly_usd: 300 },
});

describe('the storage section of the policy', () => {
  it('allows a file system within every rule', () => {
    const verdict = evaluatePolicy(
      policy,
      {
        kind: 'storage',
        region: 'us-east-1',
        type: 'openzfs',
        capacity_gib: 256,
        throughput_mbps: 64,
        monthly_usd: 80,
      },
      {},
    );
    expect(verdict).toMatchObject({ allowed: true, violations: [] });
    expect(verdict.checked).toEqual([
      'regions',
      'storage.types',
      'storage.max_capacity_gib',
      'storage.max_throughput_mbps',
      'storage.max_monthly_usd',
    ]);
  });

  it('denies the type, capacity, throughput, spend and region it breaks, and a missing price', () => {
    const verdict = evaluatePolicy(
      policy,
      {
        kind: 'storage',
        region: 'eu-west-1',
        type: 'lustre',
        capacity_gib: 2400,
        throughput_mbps: 586,
        monthly_usd: 1400,
      },
      {},
    );
    expect(verdict.violations.map((v) => v.rule)).toEqual([
      'regions.allow',
      'storage.types',
      'storage.max_capacity_gib',
      'storage.max_throughput_mbps',
      'storage.max_monthly_usd',
    ]);
    const unpriced = evaluatePolicy(policy, { kind: 'storage', region: 'us-east-1', type: 'openzfs' }, {});
    expect(unpriced.allowed).toBe(false);
    expect(unpriced.violations.every((v) => v.unverified)).toBe(true);
  });

  it('refuses with exit-code kind denied and says nothing was created', () => {
    expect(() =>
      requireStoragePolicy(policy, 'lab', {
        kind: 'storage',
        region: 'us-east-1',
        type: 'lustre',
        monthly_usd: 10,
      }),
    ).toThrow(/profile 'lab' policy denies this file system: the policy does not allow lustre file systems/);
    expect(policySchema.safeParse({ storage: { types: ['fat32'] } }).success).toBe(false);
  });
});
