import { describe, expect, it } from 'vitest';
import { evaluatePolicy } from '../../../source/core/policy/evaluatePolicy.js';
import { narrowerThan } from '../../../source/core/policy/narrowerThan.js';
import type { PolicyRequest } from '../../../source/core/policy/PolicyRequest.js';
import { parsePolicy } from '../../../source/core/policy/parsePolicy.js';

const request = (overrides: Partial<NonNullable<PolicyRequest['bigdata']>> = {}): PolicyRequest => ({
  template_slug: 'spark-serverless',
  instance_type: '',
  region: 'us-east-1',
  spot: false,
  hibernation: false,
  service_type: 'emr',
  root_volume_gb: 0,
  tags: {},
  bigdata: {
    kind: 'emr-serverless',
    max_vcpus: 32,
    max_memory_gb: 128,
    auto_stop_idle_minutes: 15,
    data_buckets: ['lab-data'],
    instance_types: [],
    ...overrides,
  },
});

describe('the policy on EMR requests', () => {
  it('allows a request inside every rule, skipping the workstation-only ones', () => {
    const policy = parsePolicy(
      'max_vcpus: 4\nmax_ebs_gb: 10\nhibernation: required\ninstance_types: { allow: ["t3.*"] }\nservice_types: [emr]\nbigdata: { max_vcpus: 64, max_memory_gb: 256, require_auto_stop: true, data_buckets: { allow: ["lab-*"] } }\n',
    );
    const verdict = evaluatePolicy(policy, request(), {});
    expect(verdict.violations).toEqual([]);
    expect(verdict.checked).toEqual(
      expect.arrayContaining([
        'service_types',
        'bigdata.max_vcpus',
        'bigdata.require_auto_stop',
        'bigdata.data_buckets',
      ]),
    );
  });

  it('denies capacity over the cap, no auto-stop, a denied bucket, a service type not allowed', () => {
    const policy = parsePolicy(
      'service_types: [ec2]\nbigdata: { max_vcpus: 16, max_memory_gb: 64, require_auto_stop: true, data_buckets: { deny: ["secret-*"] } }\n',
    );
    const { auto_stop_idle_minutes: _none, ...facts } = request().bigdata!;
    const verdict = evaluatePolicy(
      policy,
      { ...request(), bigdata: { ...facts, data_buckets: ['secret-genomes'] } },
      {},
    );
    expect(verdict.allowed).toBe(false);
    expect(verdict.violations.map((violation) => violation.rule).sort()).toEqual([
      'bigdata.data_buckets.deny',
      'bigdata.max_memory_gb',
      'bigdata.max_vcpus',
      'bigdata.require_auto_stop',
      'service_types',
    ]);
  });

  it('holds the price at maximum capacity to max_hourly_cost, and fails closed without one', () => {
    const policy = parsePolicy('max_hourly_cost: 1\n');
    expect(evaluatePolicy(policy, request(), { hourly_cost: 2.4 }).violations[0]).toMatchObject({
      rule: 'max_hourly_cost',
    });
    expect(evaluatePolicy(policy, request(), {}).violations[0]).toMatchObject({
      rule: 'max_hourly_cost',
      unverified: true,
    });
  });

  it("checks each of a cluster's instance types against instance_types and auto-termination against max_idle_minutes", () => {
    const policy = parsePolicy('instance_types: { deny: ["p*"] }\nbigdata: { max_idle_minutes: 60 }\n');
    const verdict = evaluatePolicy(
      policy,
      request({
        kind: 'emr-cluster',
        instance_types: ['m5.xlarge', 'p4d.24xlarge'],
        auto_stop_idle_minutes: 120,
      }),
      {},
    );
    expect(verdict.violations.map((violation) => violation.rule)).toEqual([
      'instance_types.deny',
      'bigdata.max_idle_minutes',
    ]);
  });

  it('does not let an invitation widen the bigdata rules', () => {
    const parent = parsePolicy(
      'bigdata: { max_vcpus: 16, require_auto_stop: true, data_buckets: { allow: ["lab-*"] } }\n',
    );
    const child = parsePolicy('bigdata: { max_vcpus: 64, data_buckets: { allow: ["*"] } }\n');
    expect(narrowerThan(child, parent).widened).toEqual([
      "bigdata.max_vcpus: 64 is above the parent's 16",
      'bigdata.require_auto_stop: the parent requires auto-stop, the child does not',
      "bigdata.data_buckets.allow: '*' is not within the parent's allow list",
    ]);
    expect(narrowerThan(parent, parent).ok).toBe(true);
  });
});
