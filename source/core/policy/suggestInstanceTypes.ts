import type { InstanceTypeInfo } from '../catalog/InstanceTypeInfo.js';
import { instanceFamily } from '../catalog/instanceTypes.js';
import { checkGlobRule } from './checkGlobRule.js';
import { formatUsdPrecise } from './formatUsdPrecise.js';
import type { PolicySuggestion } from './PolicyVerdict.js';
import type { Policy } from './policySchema.js';

const MAX_SUGGESTIONS = 3;

/**
 * Instance types that pass every instance-type rule of the policy, nearest to the requested one
 * first: the same family, then the closest in vCPUs and memory. A candidate whose price is unknown
 * is skipped when the policy caps the hourly cost, since it could not be shown to pass.
 */
export function suggestInstanceTypes(
  policy: Policy,
  requested: { name: string; info?: InstanceTypeInfo },
  candidates: readonly InstanceTypeInfo[],
  hourlyCostOf: (instanceType: string) => number | undefined,
): PolicySuggestion[] {
  const sageMaker = requested.name.startsWith('ml.');
  const family = instanceFamily(requested.name);
  const passing = candidates.filter((candidate) => {
    if (candidate.name === requested.name || candidate.name.startsWith('ml.') !== sageMaker) return false;
    if (requested.info && candidate.architecture !== requested.info.architecture) return false;
    if (checkGlobRule('instance_types', policy.instance_types, candidate.name)) return false;
    if (policy.max_vcpus !== undefined && candidate.vcpus > policy.max_vcpus) return false;
    if (policy.max_gpus !== undefined && candidate.gpus > policy.max_gpus) return false;
    if (policy.max_memory_gib !== undefined && candidate.memory_gib > policy.max_memory_gib) return false;
    if (policy.max_hourly_cost !== undefined) {
      const cost = hourlyCostOf(candidate.name);
      if (cost === undefined || cost > policy.max_hourly_cost) return false;
    }
    return true;
  });
  const distance = (candidate: InstanceTypeInfo): number => {
    const familyPenalty = instanceFamily(candidate.name) === family ? 0 : 100;
    if (!requested.info) return familyPenalty + candidate.vcpus;
    const vcpuGap = Math.abs(Math.log2(candidate.vcpus) - Math.log2(requested.info.vcpus));
    const memoryGap = Math.abs(Math.log2(candidate.memory_gib) - Math.log2(requested.info.memory_gib));
    const gpuGap = Math.abs(candidate.gpus - requested.info.gpus);
    return familyPenalty + vcpuGap + memoryGap + gpuGap;
  };
  return passing
    .map((candidate) => ({ candidate, distance: distance(candidate) }))
    .sort((a, b) => a.distance - b.distance || a.candidate.name.localeCompare(b.candidate.name))
    .slice(0, MAX_SUGGESTIONS)
    .map(({ candidate }) => {
      const cost = hourlyCostOf(candidate.name);
      const gpus = candidate.gpus > 0 ? `, ${candidate.gpus} GPU` : '';
      const price = cost === undefined ? '' : `, ${formatUsdPrecise(cost)}/h`;
      return {
        rule: 'instance_types',
        instance_type: candidate.name,
        message: `use ${candidate.name} (${candidate.vcpus} vCPU, ${candidate.memory_gib} GiB${gpus}${price}), which the policy allows`,
      };
    });
}
