import type { ClusterPolicyFacts } from '../hpc/hpcPolicySchema.js';
import type { PolicyRequest } from './PolicyRequest.js';
import type { PolicyViolation } from './PolicyVerdict.js';
import type { Policy } from './policySchema.js';

const UNITS = { nodes: 'nodes', vcpus: 'vCPUs', gpus: 'GPUs' } as const;

/**
 * The `hpc:` caps for a cluster request (create or an autoscaling update): the cluster at full
 * scale, and the user's clusters together. A cap whose fact is unknown denies, unverified.
 */
export function hpcViolations(policy: Policy, request: PolicyRequest, checked: string[]): PolicyViolation[] {
  const caps = policy.hpc;
  const cluster = request.cluster;
  if (!caps || !cluster) return [];
  const violations: PolicyViolation[] = [];
  for (const fact of ['nodes', 'vcpus', 'gpus'] as const) {
    const perCluster = caps[`max_${fact}_per_cluster`];
    const perUser = caps[`max_${fact}_per_user`];
    const mine = cluster[fact];
    check(`hpc.max_${fact}_per_cluster`, perCluster, mine, `this cluster at full scale has`);
    const others = cluster.user_other[fact];
    check(
      `hpc.max_${fact}_per_user`,
      perUser,
      mine === undefined || others === undefined ? undefined : mine + others,
      `your clusters at full scale would have`,
    );
  }
  return violations;

  function check(rule: string, cap: number | undefined, actual: number | undefined, what: string): void {
    if (cap === undefined) return;
    checked.push(rule);
    const unit = UNITS[rule.split('_')[1] as keyof typeof UNITS];
    if (actual === undefined) {
      violations.push({
        rule,
        expected: `<= ${cap}`,
        actual: 'unknown',
        message: `${rule} is ${cap} but the cluster's ${unit} are unknown (an instance type the catalog lacks)`,
        unverified: true,
      });
    } else if (actual > cap) {
      violations.push({
        rule,
        expected: `<= ${cap}`,
        actual: String(actual),
        message: `${what} ${actual} ${unit}, more than the ${cap} the policy allows: lower a queue's --max`,
        unverified: false,
      });
    }
  }
}

export type { ClusterPolicyFacts };
