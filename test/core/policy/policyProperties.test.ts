import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InstanceTypeInfo } from '../../../source/core/catalog/InstanceTypeInfo.js';
import { evaluatePolicy } from '../../../source/core/policy/evaluatePolicy.js';
import { matchesGlob } from '../../../source/core/policy/matchesGlob.js';
import { narrowerThan } from '../../../source/core/policy/narrowerThan.js';
import { PolicyParseError } from '../../../source/core/policy/PolicyParseError.js';
import type { PolicyRequest } from '../../../source/core/policy/PolicyRequest.js';
import { parsePolicy } from '../../../source/core/policy/parsePolicy.js';
import { type Policy, SERVICE_TYPES } from '../../../source/core/policy/policySchema.js';

const catalog: InstanceTypeInfo[] = [
  ['t3.large', 2, 8, 0, 0.0832],
  ['t3.xlarge', 4, 16, 0, 0.1664],
  ['m7i.large', 2, 8, 0, 0.1008],
  ['m7i.4xlarge', 16, 64, 0, 0.8064],
  ['g5.xlarge', 4, 16, 1, 1.006],
  ['p5.48xlarge', 192, 2048, 8, 98.32],
].map(([name, vcpus, memory_gib, gpus]) => ({
  name: String(name),
  vcpus: Number(vcpus),
  memory_gib: Number(memory_gib),
  gpus: Number(gpus),
  architecture: 'x86_64' as const,
  hibernation_supported: true,
}));
const prices: Record<string, number> = {
  't3.large': 0.0832,
  't3.xlarge': 0.1664,
  'm7i.large': 0.1008,
  'm7i.4xlarge': 0.8064,
  'g5.xlarge': 1.006,
  'p5.48xlarge': 98.32,
};

const patterns = (values: string[]) => fc.subarray(values, { maxLength: 3 });
const allowDeny = (values: string[]) =>
  fc.record({ allow: patterns(values), deny: patterns(values) }, { requiredKeys: [] });
const policyArbitrary: fc.Arbitrary<Policy> = fc.record(
  {
    templates: allowDeny(['*', 'python-*', 'r-*', '*-gpu', 'python-ml', 'py*']),
    instance_types: allowDeny(['*', 't3.*', 'm7i.*', 'm7i.large', '*.large', 'p5.*', '*x*']),
    regions: allowDeny(['*', 'us-*', 'us-east-1', 'us-west-2', 'eu-west-1']),
    max_vcpus: fc.integer({ min: 1, max: 32 }),
    max_gpus: fc.integer({ min: 0, max: 2 }),
    max_memory_gib: fc.integer({ min: 1, max: 128 }),
    max_hourly_cost: fc.constantFrom(0.1, 0.5, 1, 2),
    monthly_budget: fc.constantFrom(100, 500),
    spot: fc.constantFrom('allowed' as const, 'required' as const, 'forbidden' as const),
    hibernation: fc.constantFrom('optional' as const, 'required' as const),
    max_running_per_user: fc.integer({ min: 0, max: 3 }),
    service_types: fc.subarray([...SERVICE_TYPES]),
    max_ebs_gb: fc.constantFrom(50, 100, 500),
    required_tags: fc.subarray(['project', 'grant']),
  },
  { requiredKeys: [] },
);
const requestArbitrary: fc.Arbitrary<PolicyRequest> = fc.record({
  template_slug: fc.constantFrom('python-ml', 'python-gpu', 'r-studio', 'julia'),
  instance_type: fc.constantFrom(...catalog.map((type) => type.name)),
  region: fc.constantFrom('us-east-1', 'us-west-2', 'eu-west-1'),
  spot: fc.boolean(),
  hibernation: fc.boolean(),
  service_type: fc.constantFrom(...SERVICE_TYPES),
  root_volume_gb: fc.constantFrom(20, 100, 1000),
  tags: fc.constantFrom<Record<string, string>>({}, { project: 'p' }, { project: 'p', grant: 'g' }),
});
const contextArbitrary: fc.Arbitrary<SpendFacts> = fc.record({
  month_to_date_spend: fc.constantFrom(0, 200, 600),
  projected_month_spend: fc.constantFrom(50, 300, 800),
  running_count_for_user: fc.integer({ min: 0, max: 4 }),
});

interface SpendFacts {
  month_to_date_spend: number;
  projected_month_spend: number;
  running_count_for_user: number;
}

function evaluate(policy: Policy, request: PolicyRequest, facts: SpendFacts) {
  const info = catalog.find((type) => type.name === request.instance_type);
  return evaluatePolicy(policy, request, {
    ...(info ? { instance_type_info: info } : {}),
    ...(prices[request.instance_type] !== undefined
      ? { hourly_cost: prices[request.instance_type], on_demand_hourly_cost: prices[request.instance_type] }
      : {}),
    candidate_instance_types: catalog,
    candidate_hourly_cost: (name) => prices[name],
    ...facts,
  });
}

describe('policy properties', () => {
  it('a narrower policy never allows what its parent denies', () => {
    fc.assert(
      fc.property(
        policyArbitrary,
        policyArbitrary,
        requestArbitrary,
        contextArbitrary,
        (parent, child, request, facts) => {
          if (!narrowerThan(child, parent).ok) return;
          if (!evaluate(child, request, facts).allowed) return;
          expect(evaluate(parent, request, facts).allowed).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('every policy is the same as itself', () => {
    fc.assert(
      fc.property(policyArbitrary, (policy) => {
        expect(narrowerThan(policy, policy).ok).toBe(true);
      }),
    );
  });

  it('deny wins: a request matching a deny pattern is denied whatever the allow list says', () => {
    fc.assert(
      fc.property(policyArbitrary, requestArbitrary, contextArbitrary, (policy, request, facts) => {
        const denied = policy.instance_types?.deny?.some((pattern) =>
          matchesGlob(pattern, request.instance_type),
        );
        if (!denied) return;
        const verdict = evaluate(policy, request, facts);
        expect(verdict.allowed).toBe(false);
        expect(verdict.violations.map((violation) => violation.rule)).toContain('instance_types.deny');
      }),
    );
  });

  it('suggested instance types pass every instance type rule', () => {
    fc.assert(
      fc.property(policyArbitrary, requestArbitrary, contextArbitrary, (policy, request, facts) => {
        const verdict = evaluate(policy, request, facts);
        for (const suggestion of verdict.suggestions.filter((entry) => entry.instance_type)) {
          const again = evaluate(
            policy,
            { ...request, instance_type: suggestion.instance_type ?? '' },
            facts,
          );
          const typeRules = [
            'instance_types.allow',
            'instance_types.deny',
            'max_vcpus',
            'max_gpus',
            'max_memory_gib',
            'max_hourly_cost',
          ];
          expect(again.violations.filter((violation) => typeRules.includes(violation.rule))).toEqual([]);
        }
      }),
    );
  });

  it('parsing arbitrary text either gives a policy or a PolicyParseError, never another error', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        try {
          parsePolicy(text, 'fuzz.yaml');
        } catch (error) {
          expect(error).toBeInstanceOf(PolicyParseError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
