import type { PolicyViolation } from '../policy/PolicyVerdict.js';
import type { StoragePolicy, StoragePolicyRequest } from './storagePolicySchema.js';

/**
 * The policy's storage rules against a `storage create`: the type, the capacity, the throughput
 * and the monthly price. A cap whose fact is missing denies (fails closed), as for launches.
 */
export function storagePolicyViolations(
  rules: StoragePolicy | undefined,
  request: StoragePolicyRequest,
  checked: string[],
): PolicyViolation[] {
  if (!rules) return [];
  const violations: PolicyViolation[] = [];
  if (rules.types !== undefined) {
    checked.push('storage.types');
    if (!rules.types.includes(request.type)) {
      const allowed = rules.types.join(', ') || 'none';
      violations.push({
        rule: 'storage.types',
        expected: `one of ${allowed}`,
        actual: request.type,
        message: `the policy does not allow ${request.type} file systems (storage types allowed: ${allowed})`,
        unverified: false,
      });
    }
  }
  const caps = [
    ['storage.max_capacity_gib', rules.max_capacity_gib, request.capacity_gib, 'GiB', 'capacity'],
    ['storage.max_throughput_mbps', rules.max_throughput_mbps, request.throughput_mbps, 'MB/s', 'throughput'],
    ['storage.max_monthly_usd', rules.max_monthly_usd, request.monthly_usd, 'USD a month', 'price'],
  ] as const;
  for (const [rule, cap, value, unit, noun] of caps) {
    if (cap === undefined) continue;
    checked.push(rule);
    if (value === undefined) {
      violations.push({
        rule,
        expected: `<= ${cap} ${unit}`,
        actual: 'unknown',
        message: `the ${noun} is not known, so the policy's cap of ${cap} ${unit} cannot be checked`,
        unverified: true,
      });
    } else if (value > cap) {
      violations.push({
        rule,
        expected: `<= ${cap} ${unit}`,
        actual: `${Math.round(value * 100) / 100} ${unit}`,
        message: `the ${noun} ${Math.round(value * 100) / 100} ${unit} is over the policy's cap of ${cap} ${unit}`,
        unverified: false,
      });
    }
  }
  return violations;
}
