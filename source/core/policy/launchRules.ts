import { bigDataViolations } from './bigDataViolations.js';
import { checkGlobRule } from './checkGlobRule.js';
import { checkMonthlyBudget } from './checkMonthlyBudget.js';
import { globusIdentityViolations } from './globusIdentityViolations.js';
import { hpcViolations } from './hpcViolations.js';
import type { PolicyRequest } from './PolicyRequest.js';
import type { PolicyRule } from './PolicyRule.js';
import { isEmptyPolicy } from './policySchema.js';
import { s3FileBucketViolations } from './s3FileBucketViolations.js';
import { templateApprovalViolations } from './templateApprovalViolations.js';
import { templateComplianceViolations } from './templateComplianceViolations.js';
import { templateOriginViolations } from './templateOriginViolations.js';
import { templateVerificationViolations } from './templateVerificationViolations.js';

/** The rules every launch (a workstation, a cluster, an EMR application) is held to. */
type LaunchRule = PolicyRule<PolicyRequest>;

export const EMPTY_POLICY_NOTE = 'the policy is empty: everything is allowed';

export const templatesAllowed: LaunchRule = (run) => {
  if (!run.policy.templates) return;
  run.checked.push('templates');
  const violation = checkGlobRule('templates', run.policy.templates, run.request.template_slug);
  if (violation) run.violations.push(violation);
};

/** Every kind is asked where: an analytics query and a file system as much as a launch. */
export const regionsAllowed: PolicyRule<{ region: string }> = (run) => {
  if (!run.policy.regions) return;
  run.checked.push('regions');
  const violation = checkGlobRule('regions', run.policy.regions, run.request.region);
  if (violation) run.violations.push(violation);
};

export const templateOrigin: LaunchRule = (run) => {
  run.violations.push(...templateOriginViolations(run.policy, run.request));
};

export const s3FileBuckets: LaunchRule = (run) => {
  run.violations.push(...s3FileBucketViolations(run.policy, run.request));
};

/** The `hpc:` caps on a cluster at full scale and the user's clusters together. */
export const hpcCaps: LaunchRule = (run) => {
  run.violations.push(...hpcViolations(run.policy, run.request, run.checked));
};

/** A built-in or installed template whose signature does not verify, or a key the policy refuses. */
export const templateVerification: LaunchRule = (run) => {
  run.violations.push(...templateVerificationViolations(run.policy, run.request));
};

export const templateApproval: LaunchRule = (run) => {
  run.violations.push(...templateApprovalViolations(run.policy, run.request));
};

export const templateCompliance: LaunchRule = (run) => {
  run.violations.push(...templateComplianceViolations(run.policy, run.request));
};

/** The template rules above that report no checked entry of their own, in the verdict's order. */
export const templateRulesChecked: LaunchRule = ({ policy, checked }) => {
  if (policy.templates?.approved_only) checked.push('templates.approved_only');
  if (policy.user_templates !== undefined) checked.push('user_templates');
  if (policy.s3_file_buckets !== undefined) checked.push('s3_file_buckets');
};

export const regionSuggestion: LaunchRule = ({ policy, violations, suggestions }) => {
  if (!policy.regions?.allow || !violations.some((violation) => violation.rule.startsWith('regions.')))
    return;
  const allowed = policy.regions.allow.filter((region) => !region.includes('*'));
  if (allowed.length > 0)
    suggestions.push({ rule: 'regions', message: `use a region the policy allows: ${allowed.join(', ')}` });
};

export const monthlyBudget: LaunchRule = (run) => {
  if (run.policy.monthly_budget === undefined) return;
  run.checked.push('monthly_budget');
  run.violations.push(...checkMonthlyBudget(run.policy.monthly_budget, run.context));
};

export const serviceTypes: LaunchRule = ({ policy, request, checked, violations }) => {
  if (policy.service_types === undefined) return;
  checked.push('service_types');
  if (policy.service_types.includes(request.service_type)) return;
  const allowed = policy.service_types.join(', ') || 'none';
  violations.push({
    rule: 'service_types',
    expected: `one of ${allowed}`,
    actual: request.service_type,
    message: `the service type '${request.service_type}' is not allowed (allowed: ${allowed})`,
    unverified: false,
  });
};

export const requiredTags: LaunchRule = ({ policy, request, checked, violations, suggestions }) => {
  if (policy.required_tags === undefined) return;
  checked.push('required_tags');
  const missing = policy.required_tags.filter((key) => (request.tags[key] ?? '').trim() === '');
  if (missing.length === 0) return;
  violations.push({
    rule: 'required_tags',
    expected: `tags ${policy.required_tags.join(', ')}`,
    actual: `missing ${missing.join(', ')}`,
    message: `the policy requires the tag${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
    unverified: false,
  });
  suggestions.push({
    rule: 'required_tags',
    message: `add ${missing.map((key) => `--tag ${key}=<value>`).join(' ')}`,
  });
};

/** The `bigdata:` rules, and `instance_types` for each of an EMR request's types. */
export const bigDataRules: LaunchRule = (run) => {
  run.violations.push(...bigDataViolations(run.policy, run.request, run.checked));
};

export const globusIdentity: LaunchRule = (run) => {
  run.violations.push(...globusIdentityViolations(run.policy, run.context, run.checked));
};

export const emptyPolicyNote: LaunchRule = ({ policy, notes }) => {
  if (isEmptyPolicy(policy)) notes.push(EMPTY_POLICY_NOTE);
};
