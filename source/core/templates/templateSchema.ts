import { z } from 'zod';
import { analyticsTemplateSchema } from '../analytics/analyticsTemplateSchema.js';
import { bigdataConfigSchema } from '../bigdata/bigdataTemplateSchema.js';
import { clusterConfigSchema } from '../hpc/clusterConfigSchema.js';
import { complianceSchema } from '../marketplace/complianceSchema.js';
import type { TemplateProvenance } from '../marketplace/TemplateProvenance.js';
import { lazySchema } from '../schema/lazySchema.js';
import { amiConfigSchema } from './amiConfigSchema.js';
import { serviceConfigSchema } from './serviceConfigSchema.js';
import { templateStorageSchema } from './templateStorageSchema.js';

/**
 * The CloudWorkstation template format, as researchers already write it. Objects are strict so that
 * an unknown key surfaces (the loader turns `unrecognized_keys` into a warning with the closest
 * known key); the open-ended `research_user` section stays loose for the identity code to read.
 */

export const ARCHITECTURES = ['x86_64', 'arm64'] as const;
export type Architecture = (typeof ARCHITECTURES)[number];

export const PACKAGE_MANAGERS = ['apt', 'dnf', 'conda', 'pip', 'spack', 'ami'] as const;
export const CONNECTION_TYPES = ['ssh', 'web', 'dcv', 'auto'] as const;
export type ConnectionType = (typeof CONNECTION_TYPES)[number];

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
export const POSIX_NAME_PATTERN = /^[a-z_][a-z0-9_-]{0,31}$/;
/** EC2 (`m7i.large`, `u-6tb1.metal`) and SageMaker (`ml.t3.medium`) instance type names. */
export const INSTANCE_TYPE_PATTERN = /^(ml\.)?[a-z][a-z0-9-]*\.[a-z0-9]+$/;

const port = lazySchema(() => z.number().int().min(1, 'a port is 1-65535').max(65535, 'a port is 1-65535'));
const stringList = lazySchema(() => z.array(z.string().min(1)));
const instanceType = lazySchema(() =>
  z.string().regex(INSTANCE_TYPE_PATTERN, 'an instance type looks like "m7i.large"'),
);
/**
 * CloudWorkstation's config lines (`www-port=8787`, `c.ServerApp.ip = '127.0.0.1'`, `auth: password`)
 * are kept as written: each service's own syntax is read by serviceConfigSettings.
 */
const serviceConfigLines = lazySchema(() => z.array(z.string()));

export const templateUserSchema = lazySchema(() =>
  z.strictObject({
    name: z.string().regex(POSIX_NAME_PATTERN, 'a user name is lowercase letters, digits, _ or - (max 32)'),
    groups: z
      .array(z.string().regex(POSIX_NAME_PATTERN, 'a group name is lowercase letters, digits, _ or -'))
      .optional(),
    shell: z
      .string()
      .regex(/^\/[A-Za-z0-9_./-]+$/, 'a shell is an absolute path')
      .optional(),
    password: z.string().optional(),
    /** This user is the research user under the template's name: its groups go to the research user. */
    merge_into_research_user: z.boolean().optional(),
  }),
);

export const templateServiceSchema = lazySchema(() =>
  z.strictObject({
    // A `{{.name}}` placeholder may stand for part of it: the filled name is checked at launch.
    name: z
      .string()
      .refine(
        (name) => /^[a-z0-9][a-z0-9_.@-]{0,62}$/.test(name.replace(/\{\{\s*\.[A-Za-z_]\w*\s*\}\}/g, 'x')),
        'a service (systemd unit) name is lowercase letters, digits, _ . @ or -',
      ),
    port: port.optional(),
    /** Settings by name; CloudWorkstation's `key=value` line lists are read into the same map. */
    config: z
      .union([serviceConfigLines, z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))])
      .optional(),
    enable: z.boolean().optional(),
  }),
);

export const templateInlineFileSchema = lazySchema(() =>
  z.strictObject({
    path: z.string().regex(/^\/[^\0]*$/, 'a file path is absolute'),
    content: z.string(),
    mode: z
      .string()
      .regex(/^0?[0-7]{3}$/, 'a mode is octal, like "0644"')
      .optional(),
    owner: z.string().optional(),
  }),
);

/** CloudWorkstation's S3 file: downloaded at boot with the instance role, its checksum verified. */
export const templateS3FileSchema = lazySchema(() =>
  z.strictObject({
    s3_bucket: z.string().min(1, 's3_bucket names a bucket'),
    s3_key: z.string().min(1, 's3_key names an object'),
    destination_path: z.string().regex(/^\/[^\0]*$/, 'destination_path is absolute'),
    checksum: z
      .string()
      .regex(
        /^(sha256:)?[0-9a-fA-F]{64}$/,
        'checksum is a SHA-256 digest: 64 hex digits, optionally after sha256:',
      )
      .optional(),
    /** Downloaded only when this parameter is true (`name`, `{{.name}}`) or has a value (`name=value`). */
    only_if: z.string().optional(),
    mode: z
      .string()
      .regex(/^0?[0-7]{3}$/, 'a mode is octal, like "0644"')
      .optional(),
    owner: z.string().optional(),
  }),
);

export const templateFileSchema = lazySchema(() => z.union([templateInlineFileSchema, templateS3FileSchema]));

export const idleDetectionSchema = lazySchema(() =>
  z.strictObject({
    enabled: z.boolean().optional(),
    idle_threshold_minutes: z.number().int().positive().optional(),
    hibernate_threshold_minutes: z.number().int().positive().optional(),
    check_interval_minutes: z.number().int().positive().optional(),
  }),
);

export const instanceDefaultsSchema = lazySchema(() =>
  z.strictObject({
    type: instanceType.optional(),
    ports: z.array(port).optional(),
    root_volume_gb: z.number().int().min(8, 'the root volume is at least 8 GB').max(16384).optional(),
    estimated_cost_per_hour: z
      .strictObject({
        x86_64: z.number().nonnegative().optional(),
        arm64: z.number().nonnegative().optional(),
      })
      .optional(),
  }),
);

export const parameterSchema = lazySchema(() =>
  z.strictObject({
    name: z.string().optional(),
    display_name: z.string().optional(),
    description: z.string().optional(),
    type: z.enum(['string', 'int', 'float', 'bool', 'choice']).optional(),
    default: z.union([z.string(), z.number(), z.boolean()]).optional(),
    choices: z.array(z.union([z.string(), z.number()])).optional(),
    group: z.string().optional(),
    order: z.number().optional(),
    required: z.boolean().optional(),
    /** A regular expression the value matches (string), or bounds (int, float: value; string: length). */
    validation: z
      .union([
        z.string(),
        z.strictObject({
          pattern: z.string().optional(),
          min: z.number().optional(),
          max: z.number().optional(),
          min_length: z.number().int().nonnegative().optional(),
          max_length: z.number().int().positive().optional(),
          message: z.string().optional(),
        }),
      ])
      .optional(),
  }),
);

export const templateSchema = lazySchema(() =>
  z.strictObject({
    name: z.string().min(1, 'name is required'),
    slug: z.string().regex(SLUG_PATTERN, 'a slug is lowercase letters, digits and -').optional(),
    description: z.string().optional(),
    long_description: z.string().optional(),
    base: z.string().optional(),
    /** Where a `base: ami-based` template's image comes from (CloudWorkstation's format). */
    ami_config: amiConfigSchema.optional(),
    inherits: z.array(z.string().min(1)).optional(),
    package_manager: z.enum(PACKAGE_MANAGERS).optional(),
    packages: z
      .strictObject({
        system: stringList.optional(),
        conda: stringList.optional(),
        pip: stringList.optional(),
        spack: stringList.optional(),
        r: stringList.optional(),
      })
      .optional(),
    users: z.array(templateUserSchema).optional(),
    services: z.array(templateServiceSchema).optional(),
    post_install: z.string().optional(),
    user_data: z.string().optional(),
    files: z.array(templateFileSchema).optional(),
    idle_detection: idleDetectionSchema.optional(),
    /** Install the CloudWatch agent: memory (and GPU) use for rightsizing and idle decisions. */
    cloudwatch_agent: z.boolean().optional(),
    instance_defaults: instanceDefaultsSchema.optional(),
    // CloudWorkstation also writes `all` and `both` (the user picks among SSH, web and DCV): that is `auto`.
    connection_type: z
      .preprocess((value) => (value === 'all' || value === 'both' ? 'auto' : value), z.enum(CONNECTION_TYPES))
      .optional(),
    service_config: serviceConfigSchema.optional(),
    /** An HPC cluster (AWS ParallelCluster) instead of a workstation: launched by `hpc create`. */
    cluster_config: clusterConfigSchema.optional(),
    /** An EMR Serverless application, EMR cluster or EMR Studio (`cws-tui bigdata`). */
    bigdata: bigdataConfigSchema.optional(),
    /** An Athena workgroup, QuickSight dashboard or DataBrew job (`cws-tui athena|quicksight|databrew`). */
    analytics: analyticsTemplateSchema.optional(),
    storage: templateStorageSchema.optional(),
    parameters: z.record(z.string(), parameterSchema).optional(),
    research_user: z.looseObject({}).optional(),
    complexity: z.enum(['simple', 'moderate', 'advanced', 'complex']).optional(),
    category: z.string().optional(),
    domain: z.string().optional(),
    /** What data the template is fit for and which controls it promises (see complianceSchema). */
    compliance: complianceSchema.optional(),
    icon: z.string().optional(),
    color: z.string().optional(),
    popular: z.boolean().optional(),
    featured: z.boolean().optional(),
    version: z.union([z.string(), z.number()]).optional(),
    maintainer: z.string().optional(),
    last_updated: z.string().optional(),
    tags: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    minimum_size: z.string().optional(),
    /** cws extension: the sizes offered for this template, size name -> instance type. */
    sizes: z
      .record(
        z
          .string()
          .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,15}$/, 'a size name is letters, digits, _ or - (max 16)'),
        instanceType,
      )
      .optional(),
    ports: z.array(port).optional(),
    // Keys seen in CloudWorkstation templates in the wild; accepted so that those files load unchanged.
    variables: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    estimated_launch_time: z.number().optional(),
    prerequisites: stringList.optional(),
    validation_status: z.string().optional(),
    learning_resources: z
      .array(z.union([z.string(), z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))]))
      .optional(),
    architecture: z.enum(ARCHITECTURES).optional(),
  }),
);

/** A template as written in one file (before inheritance). */
export type Template = z.infer<typeof templateSchema>;
export type TemplateUser = z.infer<typeof templateUserSchema>;
export type TemplateService = z.infer<typeof templateServiceSchema>;
export type TemplateFile = z.infer<typeof templateFileSchema>;
export type TemplateInlineFile = z.infer<typeof templateInlineFileSchema>;
export type TemplateS3File = z.infer<typeof templateS3FileSchema>;
export type TemplateParameter = z.infer<typeof parameterSchema>;

/** A template after inheritance: identity fields are guaranteed and the chain is recorded. */
export interface ResolvedTemplate extends Template {
  slug: string;
  name: string;
  description: string;
  /** Slugs from the root ancestor to this template, this one last. */
  inheritance_chain: string[];
  /** The file this template came from. */
  source: string;
  /**
   * Whether this template or any ancestor comes from outside the built-ins (the user's directory,
   * CWS_TEMPLATE_PATH or a path): what a policy's `user_templates: deny` refuses. Unknown when absent.
   */
  user_made?: boolean;
  /** The built-in file this template's slug hides, when a user's template shadows one. */
  shadows_builtin?: string;
  /** Each file of the chain (root first) and where it came from, re-verified at load. */
  provenance_chain?: { slug: string; provenance?: TemplateProvenance }[];
}
