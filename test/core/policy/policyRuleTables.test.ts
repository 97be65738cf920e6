import { describe, expect, it } from 'vitest';
import type { InstanceTypeInfo } from '../../../source/core/catalog/InstanceTypeInfo.js';
import type { StoragePolicyRequest } from '../../../source/core/fsx/storagePolicySchema.js';
import { classifyPolicyRequest } from '../../../source/core/policy/classifyPolicyRequest.js';
import { EMPTY_POLICY_NOTE, evaluatePolicy } from '../../../source/core/policy/evaluatePolicy.js';
import type { PolicyRequest } from '../../../source/core/policy/PolicyRequest.js';
import { POLICY_RULES } from '../../../source/core/policy/policyRuleTables.js';
import type { Policy } from '../../../source/core/policy/policySchema.js';

const launch = (overrides: Partial<PolicyRequest> = {}): PolicyRequest => ({
  template_slug: 'slurm-small',
  instance_type: 'c7i.xlarge',
  region: 'us-east-1',
  spot: false,
  hibernation: false,
  service_type: 'ec2',
  root_volume_gb: 40,
  tags: {},
  ...overrides,
});
const cluster = { nodes: 10, vcpus: 40, gpus: 0, user_other: { nodes: 0, vcpus: 0, gpus: 0 } };
const emr = {
  kind: 'emr-serverless' as const,
  max_vcpus: 16,
  max_memory_gb: 64,
  data_buckets: [],
  instance_types: [],
};
const storage: StoragePolicyRequest = {
  kind: 'storage',
  region: 'us-east-1',
  type: 'lustre',
  capacity_gib: 1200,
};

describe('the policy rule table of each service kind', () => {
  it('tells the kinds apart by what the request carries', () => {
    expect(classifyPolicyRequest(launch()).kind).toBe('workstation');
    expect(classifyPolicyRequest(launch({ cluster })).kind).toBe('hpc');
    expect(classifyPolicyRequest(launch({ bigdata: emr })).kind).toBe('bigdata');
    expect(classifyPolicyRequest({ kind: 'analytics', service: 'athena', region: 'us-east-1' }).kind).toBe(
      'analytics',
    );
    expect(classifyPolicyRequest(storage).kind).toBe('storage');
    expect(Object.keys(POLICY_RULES).sort()).toEqual([
      'analytics',
      'bigdata',
      'hpc',
      'storage',
      'workstation',
    ]);
  });

  it('denies a request of a kind no table is for, even under the empty policy', () => {
    const unknown = { kind: 'quantum', region: 'us-east-1' } as unknown as StoragePolicyRequest;
    const verdict = evaluatePolicy({}, unknown, {});
    expect(verdict).toEqual({
      allowed: false,
      violations: [
        {
          rule: 'kind',
          expected: 'one of workstation, hpc, bigdata, analytics, storage',
          actual: "a 'quantum' request",
          message: "the policy has no rules for a 'quantum' request, so it is denied",
          unverified: true,
        },
      ],
      suggestions: [],
      checked: [],
      notes: [],
    });
  });

  it('denies a launch that claims to be a cluster and an EMR application at once', () => {
    const verdict = evaluatePolicy({}, launch({ cluster, bigdata: emr }), {});
    expect(verdict.allowed).toBe(false);
    expect(verdict.violations[0]?.message).toContain('both an HPC cluster and an EMR application');
  });

  it('holds each kind to its own rules: the same policy checks different rules per kind', () => {
    const policy: Policy = {
      regions: { allow: ['us-east-1'] },
      max_vcpus: 2,
      hpc: { max_nodes_per_cluster: 5 },
      bigdata: { max_vcpus: 8 },
      storage: { max_capacity_gib: 1000 },
    };
    const info: InstanceTypeInfo = {
      name: 'c7i.xlarge',
      vcpus: 4,
      memory_gib: 8,
      gpus: 0,
      architecture: 'x86_64',
      hibernation_supported: true,
    };
    const checkedOf = (request: Parameters<typeof evaluatePolicy>[1]) =>
      evaluatePolicy(policy, request, { instance_type_info: info }).checked;
    expect(checkedOf(launch())).toEqual(['regions', 'max_vcpus']);
    expect(checkedOf(launch({ cluster }))).toEqual(['regions', 'hpc.max_nodes_per_cluster', 'max_vcpus']);
    expect(checkedOf(launch({ bigdata: emr }))).toEqual(['regions', 'bigdata.max_vcpus']);
    expect(checkedOf({ kind: 'analytics', service: 'athena', region: 'us-east-1' })).toEqual(['regions']);
    expect(checkedOf(storage)).toEqual(['regions', 'storage.max_capacity_gib']);
  });

  it('notes an empty policy for launches only, as before', () => {
    expect(evaluatePolicy({}, launch({ cluster }), {}).notes).toEqual([EMPTY_POLICY_NOTE]);
    expect(evaluatePolicy({}, launch({ bigdata: emr }), {}).notes).toEqual([EMPTY_POLICY_NOTE]);
    expect(evaluatePolicy({}, storage, {}).notes).toEqual([]);
  });
});
