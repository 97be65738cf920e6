import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describePolicy } from '../../../source/core/policy/describePolicy.js';
import { loadPolicyFile } from '../../../source/core/policy/parsePolicy.js';

describe('describePolicy', () => {
  it('says an empty policy allows everything', () => {
    expect(describePolicy({})).toEqual(['no rules: everything is allowed']);
  });

  it('describes every rule of the example policy', async () => {
    const policy = await loadPolicyFile(
      fileURLToPath(new URL('../../fixtures/policies/lab.yaml', import.meta.url)),
    );
    expect(describePolicy(policy)).toEqual([
      'templates: allow python-*, r-*; deny *-gpu',
      'instance_types: allow t3.*, m7i.large, m7i.xlarge; deny p5.*',
      'regions: allow us-east-1, us-west-2',
      'max_vcpus: at most 16',
      'max_gpus: at most 1',
      'max_memory_gib: at most 64 GiB',
      'max_hourly_cost: at most $1.00/h',
      'monthly_budget: $500.00 a month',
      'spot: allowed',
      'hibernation: optional',
      'max_running_per_user: at most 3',
      'service_types: ec2, sagemaker, web',
      'max_ebs_gb: at most 500 GB',
      'required_tags: project, grant',
    ]);
  });
});

describe('the example policy shipped in policies/', () => {
  it('parses', async () => {
    const policy = await loadPolicyFile(
      fileURLToPath(new URL('../../../policies/example.yaml', import.meta.url)),
    );
    expect(policy.instance_types?.deny).toEqual(['*.metal*', 'p5.*']);
    expect(policy.required_tags).toEqual(['project']);
  });
});
