import { describe, expect, it } from 'vitest';
import { findInstanceType } from '../../../source/core/catalog/instanceTypes.js';
import { evaluateInstanceTypeAccess } from '../../../source/core/policy/evaluateInstanceTypeAccess.js';
import { parsePolicy } from '../../../source/core/policy/parsePolicy.js';

const candidate = (instanceType: string, hourly?: number) => {
  const info = findInstanceType(instanceType);
  return {
    instance_type: instanceType,
    region: 'us-east-1',
    ...(info ? { info } : {}),
    ...(hourly !== undefined ? { hourly } : {}),
  };
};

describe('evaluateInstanceTypeAccess', () => {
  it('allows every type under a policy without type rules, whatever else it requires', () => {
    const policy = parsePolicy('required_tags: [project]\nspot: required\nmax_running_per_user: 1\n');
    expect(evaluateInstanceTypeAccess(policy, candidate('g5.xlarge', 1.006))).toEqual({ allowed: true });
  });

  it('names the first rule against a type and why, as the launch would', () => {
    const policy = parsePolicy('instance_types:\n  deny: ["g*"]\nmax_vcpus: 8\nmax_hourly_cost: 0.5\n');
    expect(evaluateInstanceTypeAccess(policy, candidate('g5.xlarge', 1.006))).toMatchObject({
      allowed: false,
      rule: 'instance_types.deny',
    });
    const big = evaluateInstanceTypeAccess(policy, candidate('m7i.4xlarge', 0.8064));
    expect(big).toMatchObject({ allowed: false, rule: 'max_vcpus' });
    expect(big.reason).toContain('16 vCPUs, more than the 8');
    expect(evaluateInstanceTypeAccess(policy, candidate('m7i.xlarge', 0.2016))).toEqual({ allowed: true });
  });

  it('fails closed: a cap that needs an unknown price or size forbids the type', () => {
    const policy = parsePolicy('max_hourly_cost: 1\nmax_gpus: 0\n');
    expect(evaluateInstanceTypeAccess(policy, candidate('t3.large'))).toMatchObject({
      allowed: false,
      rule: 'max_hourly_cost',
    });
    expect(evaluateInstanceTypeAccess(policy, candidate('xq9.huge', 0.1))).toMatchObject({
      allowed: false,
      rule: 'max_gpus',
    });
  });
});
