import { checkGlobRule } from './checkGlobRule.js';
import type { PolicyRequest } from './PolicyRequest.js';
import type { PolicyViolation } from './PolicyVerdict.js';
import type { Policy } from './policySchema.js';

/**
 * A template's S3 files make the launch grant the workstation role read access to their objects:
 * under `s3_file_buckets`, each bucket must be allowed (and not denied), or the launch is denied.
 */
export function s3FileBucketViolations(policy: Policy, request: PolicyRequest): PolicyViolation[] {
  if (!policy.s3_file_buckets) return [];
  const violations: PolicyViolation[] = [];
  for (const bucket of request.template_s3_buckets ?? []) {
    const violation = checkGlobRule('s3_file_buckets', policy.s3_file_buckets, bucket);
    if (violation)
      violations.push({
        ...violation,
        message: `the template '${request.template_slug}' downloads S3 files from '${bucket}': ${violation.message}`,
      });
  }
  return violations;
}
