import { checkGlobRule } from './checkGlobRule.js';
import type { PolicyRequest } from './PolicyRequest.js';
import type { PolicyViolation } from './PolicyVerdict.js';
import type { Policy } from './policySchema.js';

function violation(rule: string, expected: string, actual: string, message: string): PolicyViolation {
  return { rule, expected, actual, message, unverified: false };
}

/**
 * The policy's `bigdata` rules (and `instance_types` for each of a cluster's types) against an EMR
 * request; `checked` gets the rules that apply. None for a workstation request.
 */
export function bigDataViolations(
  policy: Policy,
  request: PolicyRequest,
  checked: string[],
): PolicyViolation[] {
  const facts = request.bigdata;
  if (!facts) return [];
  const violations: PolicyViolation[] = [];
  if (policy.instance_types) {
    checked.push('instance_types');
    for (const type of facts.instance_types) {
      const found = checkGlobRule('instance_types', policy.instance_types, type);
      if (found) violations.push(found);
    }
  }
  const rules = policy.bigdata;
  if (!rules) return violations;
  const capped = facts.kind === 'emr-serverless' || facts.kind === 'emr-cluster';
  if (rules.max_vcpus !== undefined && capped) {
    checked.push('bigdata.max_vcpus');
    if (facts.max_vcpus > rules.max_vcpus)
      violations.push(
        violation(
          'bigdata.max_vcpus',
          `<= ${rules.max_vcpus}`,
          String(facts.max_vcpus),
          `a maximum capacity of ${facts.max_vcpus} vCPU is above the ${rules.max_vcpus} the policy allows`,
        ),
      );
  }
  if (rules.max_memory_gb !== undefined && capped) {
    checked.push('bigdata.max_memory_gb');
    if (facts.max_memory_gb > rules.max_memory_gb)
      violations.push(
        violation(
          'bigdata.max_memory_gb',
          `<= ${rules.max_memory_gb} GB`,
          `${facts.max_memory_gb} GB`,
          `a maximum capacity of ${facts.max_memory_gb} GB of memory is above the ${rules.max_memory_gb} GB the policy allows`,
        ),
      );
  }
  if ((rules.require_auto_stop || rules.max_idle_minutes !== undefined) && capped) {
    checked.push('bigdata.require_auto_stop');
    const idle = facts.auto_stop_idle_minutes;
    const stop = facts.kind === 'emr-cluster' ? 'auto-termination' : 'auto-stop';
    if (idle === undefined)
      violations.push(
        violation('bigdata.require_auto_stop', stop, 'none', `the policy requires ${stop} when idle`),
      );
    else if (rules.max_idle_minutes !== undefined && idle > rules.max_idle_minutes)
      violations.push(
        violation(
          'bigdata.max_idle_minutes',
          `<= ${rules.max_idle_minutes} min`,
          `${idle} min`,
          `${stop} after ${idle} idle minutes is later than the ${rules.max_idle_minutes} the policy allows`,
        ),
      );
  }
  if (rules.data_buckets) {
    checked.push('bigdata.data_buckets');
    for (const bucket of facts.data_buckets) {
      const found = checkGlobRule('s3_file_buckets', rules.data_buckets, bucket);
      if (found)
        violations.push({
          ...found,
          rule: found.rule.replace('s3_file_buckets', 'bigdata.data_buckets'),
          message: `the data bucket '${bucket}': ${found.message}`,
        });
    }
  }
  return violations;
}
