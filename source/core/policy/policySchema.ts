import { z } from 'zod';
import { storagePolicySchema } from '../fsx/storagePolicySchema.js';
import { hpcPolicySchema } from '../hpc/hpcPolicySchema.js';
import { lazySchema } from '../schema/lazySchema.js';
import { analyticsPolicySchema } from './analyticsPolicySchema.js';
import { bigdataPolicySchema } from './bigdataPolicySchema.js';

/** The service kinds a policy can allow. */
export const SERVICE_TYPES = ['ec2', 'sagemaker', 'web', 'emr'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const SPOT_RULES = ['allowed', 'required', 'forbidden'] as const;

export const HIBERNATION_RULES = ['optional', 'required'] as const;

export const SPOT_PRICE_BASES = ['on-demand', 'current'] as const;

/** Globs use `*` only (any run of characters), so that comparing two policies stays exact. */
const globList = lazySchema(() =>
  z.array(
    z
      .string()
      .min(1, 'a pattern cannot be empty')
      .regex(/^[A-Za-z0-9*._-]+$/, 'a pattern is letters, digits, ".", "_", "-" and "*" wildcards'),
  ),
);

const allowDeny = lazySchema(() => z.strictObject({ allow: globList.optional(), deny: globList.optional() }));

/**
 * The templates rule: allow/deny globs plus the marketplace governance (see
 * templateApprovalViolations): only approved releases, from these registries, by these publishers.
 */
const templatesRule = lazySchema(() =>
  allowDeny.extend({
    approved_only: z.boolean().optional(),
    /** Registry names whose approved releases count; `builtin` admits the built-in templates. */
    registries: z.array(z.string().min(1)).optional(),
    /** Publisher names or key fingerprints (`SHA256:...`) whose releases count. */
    publishers: z.array(z.string().min(1)).optional(),
    /**
     * The approver keys, by fingerprint (`SHA256:...`, as `registry list` shows them), whose reviews
     * count and who alone may approve: a review by any other key (even one a user trusts locally, or
     * an admin's) does not make a release approved. Fingerprints, not names: a name is only a label
     * in each user's own trust file.
     */
    approvers: z
      .array(z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/, 'an approver is a key fingerprint, SHA256:...'))
      .optional(),
    /** Under approved_only, whether the user's own unsigned files may still be launched. */
    allow_local: z.boolean().optional(),
    /** `deny`: built-ins signed only with the development key (a checkout's build) are not launched. */
    development_builtins: z.enum(['allow', 'deny']).optional(),
    /** Compliance frameworks every launched template must claim (`compliance.frameworks`). */
    required_frameworks: z.array(z.string().min(1)).optional(),
  }),
);

const dollars = lazySchema(() => z.number().nonnegative('an amount in USD cannot be negative'));

/**
 * An institution's rules for launches. Every key is optional: a missing key does not restrict.
 * Objects are strict so that a misspelt rule is an error rather than a rule silently not enforced.
 */
export const policySchema = lazySchema(() =>
  z.strictObject({
    templates: templatesRule.optional(),
    instance_types: allowDeny.optional(),
    regions: allowDeny.optional(),
    max_vcpus: z.number().int().positive().optional(),
    max_gpus: z.number().int().nonnegative().optional(),
    max_memory_gib: z.number().positive().optional(),
    max_hourly_cost: dollars.optional(),
    monthly_budget: dollars.optional(),
    spot: z.enum(SPOT_RULES).optional(),
    hibernation: z.enum(HIBERNATION_RULES).optional(),
    max_running_per_user: z.number().int().nonnegative().optional(),
    service_types: z.array(z.enum(SERVICE_TYPES)).optional(),
    max_ebs_gb: z.number().int().positive().optional(),
    required_tags: z.array(z.string().min(1, 'a tag key cannot be empty')).optional(),
    /**
     * Which price a spot launch is held to under max_hourly_cost: `on-demand` (the default, the most
     * a spot instance can cost) or `current` (today's spot price, which can rise after launch).
     */
    spot_price_basis: z.enum(SPOT_PRICE_BASES).optional(),
    /**
     * The buckets a template's S3 files may come from (the launch grants the workstation role read
     * access to those objects): allow/deny globs of bucket names; `deny: ["*"]` forbids S3 files.
     */
    s3_file_buckets: allowDeny.optional(),
    /** `deny`: only built-in templates may be launched, never the user's own. */
    user_templates: z.enum(['allow', 'deny']).optional(),
    /** Privileged groups (sudo, wheel, docker, ...) a member may give research users, admins aside. */
    allowed_groups: z
      .array(z.string().regex(/^[a-z_][a-z0-9_-]{0,31}$/, 'a group name is a POSIX name like sudo or docker'))
      .optional(),
    /** Caps on HPC clusters (nodes, vCPUs, GPUs at full scale, per cluster and per user). */
    hpc: hpcPolicySchema.optional(),
    /** EMR applications, clusters and Studio: capacity caps, auto-stop, data buckets. */
    bigdata: bigdataPolicySchema.optional(),
    /** Athena, DataBrew, QuickSight and CodeCatalyst: services, scan caps, data, seats, results. */
    analytics: analyticsPolicySchema.optional(),
    storage: storagePolicySchema.optional(),
    /** `true`: a launch needs a research user with a linked, verified Globus identity (`users link-globus`). */
    require_globus_identity: z.boolean().optional(),
  }),
);

export type Policy = z.infer<typeof policySchema>;
export type AllowDenyRule = z.infer<typeof allowDeny>;

/** The allow/deny keys, whose values are glob lists. */
export const GLOB_RULES = ['templates', 'instance_types', 'regions', 's3_file_buckets'] as const;
export type GlobRule = (typeof GLOB_RULES)[number];

/** The numeric caps: a request (or its facts) above the value is denied. */
export const CAP_RULES = [
  'max_vcpus',
  'max_gpus',
  'max_memory_gib',
  'max_hourly_cost',
  'monthly_budget',
  'max_running_per_user',
  'max_ebs_gb',
] as const;

export function isEmptyPolicy(policy: Policy): boolean {
  return Object.values(policy).every((value) => value === undefined);
}
