import { describe, expect, it } from 'vitest';
import type { InstanceTypeInfo } from '../../../source/core/catalog/InstanceTypeInfo.js';
import { EMPTY_POLICY_NOTE, evaluatePolicy } from '../../../source/core/policy/evaluatePolicy.js';
import type { PolicyContext } from '../../../source/core/policy/PolicyContext.js';
import type { PolicyRequest } from '../../../source/core/policy/PolicyRequest.js';
import type { Policy } from '../../../source/core/policy/policySchema.js';

const type = (name: string, vcpus: number, memory_gib: number, gpus = 0): InstanceTypeInfo => ({
  name,
  vcpus,
  memory_gib,
  gpus,
  architecture: 'x86_64',
  hibernation_supported: true,
});

const catalog: InstanceTypeInfo[] = [
  type('t3.medium', 2, 4),
  type('t3.large', 2, 8),
  type('m7i.large', 2, 8),
  type('m7i.xlarge', 4, 16),
  type('m7i.2xlarge', 8, 32),
  type('m7i.4xlarge', 16, 64),
  type('g5.xlarge', 4, 16, 1),
  type('p5.48xlarge', 192, 2048, 8),
];
const prices: Record<string, number> = {
  't3.medium': 0.0416,
  't3.large': 0.0832,
  'm7i.large': 0.1008,
  'm7i.xlarge': 0.2016,
  'm7i.2xlarge': 0.4032,
  'm7i.4xlarge': 0.8064,
  'g5.xlarge': 1.006,
};

const request = (overrides: Partial<PolicyRequest> = {}): PolicyRequest => ({
  template_slug: 'python-ml',
  instance_type: 'm7i.xlarge',
  region: 'us-east-1',
  spot: false,
  hibernation: false,
  service_type: 'ec2',
  root_volume_gb: 50,
  tags: {},
  ...overrides,
});

function contextFor(instanceType: string, overrides: Partial<PolicyContext> = {}): PolicyContext {
  const info = catalog.find((candidate) => candidate.name === instanceType);
  return {
    ...(info ? { instance_type_info: info } : {}),
    ...(prices[instanceType] !== undefined ? { hourly_cost: prices[instanceType] } : {}),
    month_to_date_spend: 100,
    projected_month_spend: 200,
    running_count_for_user: 0,
    candidate_instance_types: catalog,
    candidate_hourly_cost: (name) => prices[name],
    ...overrides,
  };
}

function verdictOf(
  policy: Policy,
  overrides: Partial<PolicyRequest> = {},
  context: Partial<PolicyContext> = {},
) {
  const full = request(overrides);
  return evaluatePolicy(policy, full, contextFor(full.instance_type, context));
}

describe('evaluatePolicy', () => {
  it('allows everything under the empty policy and says so', () => {
    const verdict = evaluatePolicy({}, request({ instance_type: 'p5.48xlarge' }), {});
    expect(verdict).toEqual({
      allowed: true,
      violations: [],
      suggestions: [],
      checked: [],
      notes: [EMPTY_POLICY_NOTE],
    });
  });

  describe('templates', () => {
    const policy: Policy = { templates: { allow: ['python-*', 'r-*'], deny: ['*-gpu'] } };
    it('allows a template matching an allow pattern', () => {
      expect(verdictOf(policy, { template_slug: 'r-studio' }).allowed).toBe(true);
    });
    it('denies a template matching no allow pattern', () => {
      const verdict = verdictOf(policy, { template_slug: 'julia' });
      expect(verdict.allowed).toBe(false);
      expect(verdict.violations).toEqual([
        {
          rule: 'templates.allow',
          expected: 'one of python-*, r-*',
          actual: 'julia',
          message: "the template 'julia' matches none of the allowed patterns (python-*, r-*)",
          unverified: false,
        },
      ]);
    });
    it('lets deny win over allow', () => {
      const verdict = verdictOf(policy, { template_slug: 'python-gpu' });
      expect(verdict.violations.map((violation) => violation.message)).toEqual([
        "the template 'python-gpu' is denied by the pattern '*-gpu'",
      ]);
      expect(verdict.violations[0]?.rule).toBe('templates.deny');
    });
    it('allows nothing with an empty allow list', () => {
      const verdict = verdictOf({ templates: { allow: [] } });
      expect(verdict.violations[0]?.message).toBe(
        "the policy allows no templates, so 'python-ml' is not allowed",
      );
    });
  });

  describe('instance_types', () => {
    const policy: Policy = { instance_types: { allow: ['t3.*', 'm7i.large'], deny: ['p5.*'] } };
    it('allows a type matching the allow list', () => {
      expect(verdictOf(policy, { instance_type: 't3.large' }).allowed).toBe(true);
    });
    it('denies another type and suggests the nearest allowed type of the same family first', () => {
      const verdict = verdictOf(policy, { instance_type: 'm7i.xlarge' });
      expect(verdict.violations[0]?.message).toBe(
        "the instance type 'm7i.xlarge' matches none of the allowed patterns (t3.*, m7i.large)",
      );
      expect(verdict.suggestions[0]).toEqual({
        rule: 'instance_types',
        instance_type: 'm7i.large',
        message: 'use m7i.large (2 vCPU, 8 GiB, $0.1008/h), which the policy allows',
      });
      expect(verdict.suggestions.map((suggestion) => suggestion.instance_type)).toEqual([
        'm7i.large',
        't3.large',
        't3.medium',
      ]);
    });
    it('denies a denied type even without an allow list', () => {
      const verdict = verdictOf({ instance_types: { deny: ['p5.*'] } }, { instance_type: 'p5.48xlarge' });
      expect(verdict.violations[0]).toMatchObject({
        rule: 'instance_types.deny',
        message: "the instance type 'p5.48xlarge' is denied by the pattern 'p5.*'",
      });
    });
  });

  describe('regions', () => {
    const policy: Policy = { regions: { allow: ['us-east-1', 'us-west-2'] } };
    it('allows an allowed region', () => {
      expect(verdictOf(policy, { region: 'us-west-2' }).allowed).toBe(true);
    });
    it('denies another region and lists the allowed ones', () => {
      const verdict = verdictOf(policy, { region: 'eu-west-1' });
      expect(verdict.violations[0]?.message).toBe(
        "the region 'eu-west-1' matches none of the allowed patterns (us-east-1, us-west-2)",
      );
      expect(verdict.suggestions).toEqual([
        { rule: 'regions', message: 'use a region the policy allows: us-east-1, us-west-2' },
      ]);
    });
  });

  describe('size caps', () => {
    it('allows a type within max_vcpus, max_gpus and max_memory_gib', () => {
      const verdict = verdictOf(
        { max_vcpus: 4, max_gpus: 1, max_memory_gib: 16 },
        { instance_type: 'g5.xlarge' },
      );
      expect(verdict.allowed).toBe(true);
      expect(verdict.checked).toEqual(['max_vcpus', 'max_gpus', 'max_memory_gib']);
    });
    it('denies too many vCPUs and suggests a smaller type of the same family', () => {
      const verdict = verdictOf({ max_vcpus: 4 }, { instance_type: 'm7i.4xlarge' });
      expect(verdict.violations).toEqual([
        {
          rule: 'max_vcpus',
          expected: '<= 4',
          actual: '16',
          message: 'm7i.4xlarge has 16 vCPUs, more than the 4 the policy allows',
          unverified: false,
        },
      ]);
      expect(verdict.suggestions[0]?.instance_type).toBe('m7i.xlarge');
    });
    it('denies too many GPUs', () => {
      const verdict = verdictOf({ max_gpus: 0 }, { instance_type: 'g5.xlarge' });
      expect(verdict.violations[0]?.message).toBe('g5.xlarge has 1 GPUs, more than the 0 the policy allows');
      expect(verdict.suggestions[0]?.instance_type).toBe('m7i.xlarge');
    });
    it('denies too much memory', () => {
      const verdict = verdictOf({ max_memory_gib: 16 }, { instance_type: 'm7i.2xlarge' });
      expect(verdict.violations[0]?.message).toBe(
        'm7i.2xlarge has 32 GiB of memory, more than the 16 the policy allows',
      );
    });
    it('denies, unverified, when the instance type is unknown', () => {
      const verdict = verdictOf({ max_vcpus: 4 }, { instance_type: 'x9.huge' });
      expect(verdict.violations[0]).toEqual({
        rule: 'max_vcpus',
        expected: '<= 4',
        actual: 'unknown',
        message: "max_vcpus is 4 but the instance type 'x9.huge' is unknown, so its vCPUs cannot be checked",
        unverified: true,
      });
    });
  });

  describe('max_hourly_cost', () => {
    it('allows a type at or under the cap', () => {
      expect(verdictOf({ max_hourly_cost: 0.2016 }, { instance_type: 'm7i.xlarge' }).allowed).toBe(true);
    });
    it('denies a type above the cap and suggests cheaper ones', () => {
      const verdict = verdictOf({ max_hourly_cost: 0.5 }, { instance_type: 'm7i.4xlarge' });
      expect(verdict.violations[0]?.message).toBe(
        'm7i.4xlarge costs $0.8064/h in us-east-1, above the cap of $0.50/h',
      );
      expect(verdict.suggestions[0]?.instance_type).toBe('m7i.2xlarge');
    });
    it('denies when no price is known rather than letting the cap pass', () => {
      const verdict = verdictOf({ max_hourly_cost: 1 }, { instance_type: 'p5.48xlarge' });
      expect(verdict.allowed).toBe(false);
      expect(verdict.violations[0]).toMatchObject({
        actual: 'unknown',
        unverified: true,
        message: 'no price is known for p5.48xlarge in us-east-1, so the cap of $1.00/h cannot be checked',
      });
    });
  });

  describe('monthly_budget', () => {
    it('allows a launch whose projected spend is within the budget', () => {
      expect(verdictOf({ monthly_budget: 500 }, {}, { projected_month_spend: 499 }).allowed).toBe(true);
    });
    it('denies a launch projected over the budget', () => {
      const verdict = verdictOf({ monthly_budget: 500 }, {}, { projected_month_spend: 612 });
      expect(verdict.violations[0]?.message).toBe(
        "with this launch the month's spend is projected at $612.00, above the monthly budget of $500.00",
      );
    });
    it('falls back to the month-to-date spend', () => {
      const verdict = verdictOf(
        { monthly_budget: 500 },
        {},
        { projected_month_spend: undefined, month_to_date_spend: 500 },
      );
      expect(verdict.violations[0]?.message).toBe(
        '$500.00 is already spent this month, which uses up the monthly budget of $500.00',
      );
    });
    it('denies, unverified, when the spend is unknown', () => {
      const verdict = verdictOf(
        { monthly_budget: 500 },
        {},
        { projected_month_spend: undefined, month_to_date_spend: undefined },
      );
      expect(verdict.violations[0]).toMatchObject({ unverified: true, actual: 'unknown' });
    });
  });

  describe('spot', () => {
    it('allows either purchase option when spot is allowed', () => {
      expect(verdictOf({ spot: 'allowed' }, { spot: true }).allowed).toBe(true);
      expect(verdictOf({ spot: 'allowed' }, { spot: false }).allowed).toBe(true);
    });
    it('denies on-demand when spot is required', () => {
      const verdict = verdictOf({ spot: 'required' });
      expect(verdict.violations[0]?.message).toBe('the policy requires spot instances');
      expect(verdict.suggestions).toEqual([{ rule: 'spot', message: 'launch as a spot instance (--spot)' }]);
      expect(verdictOf({ spot: 'required' }, { spot: true }).allowed).toBe(true);
    });
    it('denies spot when spot is forbidden', () => {
      const verdict = verdictOf({ spot: 'forbidden' }, { spot: true });
      expect(verdict.violations[0]?.message).toBe('the policy forbids spot instances');
      expect(verdictOf({ spot: 'forbidden' }).allowed).toBe(true);
    });
  });

  describe('hibernation', () => {
    it('allows either when hibernation is optional', () => {
      expect(verdictOf({ hibernation: 'optional' }).allowed).toBe(true);
    });
    it('denies a launch without hibernation when it is required', () => {
      const verdict = verdictOf({ hibernation: 'required' });
      expect(verdict.violations[0]?.message).toBe('the policy requires hibernation to be enabled');
      expect(verdictOf({ hibernation: 'required' }, { hibernation: true }).allowed).toBe(true);
    });
  });

  describe('max_running_per_user', () => {
    it('allows a launch under the cap', () => {
      expect(verdictOf({ max_running_per_user: 3 }, {}, { running_count_for_user: 2 }).allowed).toBe(true);
    });
    it('denies a launch over the cap', () => {
      const verdict = verdictOf({ max_running_per_user: 3 }, {}, { running_count_for_user: 3 });
      expect(verdict.violations[0]?.message).toBe(
        '3 workstations are already running; the policy allows at most 3 per user',
      );
    });
    it('denies, unverified, when the running count is unknown', () => {
      const verdict = verdictOf({ max_running_per_user: 3 }, {}, { running_count_for_user: undefined });
      expect(verdict.violations[0]?.unverified).toBe(true);
    });
  });

  describe('service_types', () => {
    it('allows a listed service type', () => {
      expect(verdictOf({ service_types: ['ec2', 'web'] }, { service_type: 'web' }).allowed).toBe(true);
    });
    it('denies another service type', () => {
      const verdict = verdictOf({ service_types: ['ec2'] }, { service_type: 'sagemaker' });
      expect(verdict.violations[0]?.message).toBe(
        "the service type 'sagemaker' is not allowed (allowed: ec2)",
      );
    });
  });

  describe('max_ebs_gb', () => {
    it('allows a volume up to the cap', () => {
      expect(verdictOf({ max_ebs_gb: 500 }, { root_volume_gb: 500 }).allowed).toBe(true);
    });
    it('denies a larger volume', () => {
      const verdict = verdictOf({ max_ebs_gb: 500 }, { root_volume_gb: 1000 });
      expect(verdict.violations[0]?.message).toBe(
        'a 1000 GB volume is larger than the 500 GB the policy allows',
      );
    });
  });

  describe('required_tags', () => {
    it('allows a request carrying every required tag', () => {
      expect(verdictOf({ required_tags: ['project'] }, { tags: { project: 'genomics' } }).allowed).toBe(true);
    });
    it('denies missing or blank tags, naming them', () => {
      const verdict = verdictOf({ required_tags: ['project', 'grant'] }, { tags: { project: ' ' } });
      expect(verdict.violations[0]).toMatchObject({
        actual: 'missing project, grant',
        message: 'the policy requires the tags project, grant',
      });
      expect(verdict.suggestions).toEqual([
        { rule: 'required_tags', message: 'add --tag project=<value> --tag grant=<value>' },
      ]);
    });
  });

  it('reports every violated rule at once', () => {
    const verdict = verdictOf(
      {
        templates: { deny: ['python-*'] },
        regions: { allow: ['us-west-2'] },
        spot: 'required',
        max_ebs_gb: 10,
      },
      {},
    );
    expect(verdict.violations.map((violation) => violation.rule)).toEqual([
      'templates.deny',
      'regions.allow',
      'spot',
      'max_ebs_gb',
    ]);
  });
});
