import { z } from 'zod';

/**
 * The CloudWorkstation template format, as researchers already write it. Objects are strict so that
 * an unknown key surfaces (the loader turns `unrecognized_keys` into a warning with the closest
 * known key); the open-ended sections (`service_config`, `research_user`, `variables`) stay loose.
 */

export const ARCHITECTURES = ['x86_64', 'arm64'] as const;
export type Architecture = (typeof ARCHITECTURES)[number];

export const PACKAGE_MANAGERS = ['apt', 'dnf', 'conda', 'pip', 'spack', 'ami'] as const;
export const CONNECTION_TYPES = ['ssh', 'web', 'dcv', 'auto'] as const;
export type ConnectionType = (typeof CONNECTION_TYPES)[number];

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
export const POSIX_NAME_PATTERN = /^[a-z_][a-z0-9_-]{0,31}$/;

const port = z.number().int().min(1, 'a port is 1-65535').max(65535, 'a port is 1-65535');
const stringList = z.array(z.string().min(1));

export const templateUserSchema = z.strictObject({
  name: z.string().regex(POSIX_NAME_PATTERN, 'a user name is lowercase letters, digits, _ or - (max 32)'),
  groups: z
    .array(z.string().regex(POSIX_NAME_PATTERN, 'a group name is lowercase letters, digits, _ or -'))
    .optional(),
  shell: z
    .string()
    .regex(/^\/[A-Za-z0-9_./-]+$/, 'a shell is an absolute path')
    .optional(),
  password: z.string().optional(),
});

export const templateServiceSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'a service name is lowercase letters, digits, _ or -'),
  port: port.optional(),
  config: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  enable: z.boolean().optional(),
});

export const templateFileSchema = z.strictObject({
  path: z.string().regex(/^\/[^\0]*$/, 'a file path is absolute'),
  content: z.string(),
  mode: z
    .string()
    .regex(/^0?[0-7]{3}$/, 'a mode is octal, like "0644"')
    .optional(),
  owner: z.string().optional(),
});

export const idleDetectionSchema = z.strictObject({
  enabled: z.boolean().optional(),
  idle_threshold_minutes: z.number().int().positive().optional(),
  hibernate_threshold_minutes: z.number().int().positive().optional(),
  check_interval_minutes: z.number().int().positive().optional(),
});

export const instanceDefaultsSchema = z.strictObject({
  type: z.string().optional(),
  ports: z.array(port).optional(),
  root_volume_gb: z.number().int().min(8, 'the root volume is at least 8 GB').max(16384).optional(),
  estimated_cost_per_hour: z
    .strictObject({ x86_64: z.number().nonnegative().optional(), arm64: z.number().nonnegative().optional() })
    .optional(),
});

export const parameterSchema = z.strictObject({
  name: z.string().optional(),
  display_name: z.string().optional(),
  description: z.string().optional(),
  type: z.enum(['string', 'int', 'float', 'bool', 'choice']).optional(),
  default: z.union([z.string(), z.number(), z.boolean()]).optional(),
  choices: z.array(z.union([z.string(), z.number()])).optional(),
  group: z.string().optional(),
  order: z.number().optional(),
  required: z.boolean().optional(),
});

export const templateSchema = z.strictObject({
  name: z.string().min(1, 'name is required'),
  slug: z.string().regex(SLUG_PATTERN, 'a slug is lowercase letters, digits and -').optional(),
  description: z.string().optional(),
  long_description: z.string().optional(),
  base: z.string().optional(),
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
  instance_defaults: instanceDefaultsSchema.optional(),
  connection_type: z.enum(CONNECTION_TYPES).optional(),
  service_config: z.looseObject({}).optional(),
  parameters: z.record(z.string(), parameterSchema).optional(),
  research_user: z.looseObject({}).optional(),
  complexity: z.enum(['simple', 'moderate', 'advanced', 'complex']).optional(),
  category: z.string().optional(),
  domain: z.string().optional(),
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
  sizes: z.record(z.string(), z.string()).optional(),
  ports: z.array(port).optional(),
  // Keys seen in CloudWorkstation templates in the wild; accepted so that those files load unchanged.
  variables: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  estimated_launch_time: z.number().optional(),
  prerequisites: stringList.optional(),
  validation_status: z.string().optional(),
  learning_resources: z.array(z.unknown()).optional(),
  architecture: z.enum(ARCHITECTURES).optional(),
});

/** A template as written in one file (before inheritance). */
export type Template = z.infer<typeof templateSchema>;
export type TemplateUser = z.infer<typeof templateUserSchema>;
export type TemplateService = z.infer<typeof templateServiceSchema>;
export type TemplateFile = z.infer<typeof templateFileSchema>;
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
}
