import { z } from 'zod';
import { lazySchema } from '../schema/lazySchema.js';

/**
 * CloudWorkstation's `ami_config`: where the image of a `base: ami-based` template comes from. Its
 * two shapes are both read: `amis` (an AMI per region and architecture) and the newer
 * `ami_mappings` (one AMI per region) with `ami_search` (owner + name pattern); cws-tui adds
 * `ssm_parameter` (a public parameter naming the current AMI) and `distro` (the image's family,
 * for the boot script's package manager). Fields CloudWorkstation uses only for its own build
 * pipeline (strategy, fallbacks, version tags) are accepted and not acted on.
 */

const ARCHITECTURE = lazySchema(() => z.enum(['x86_64', 'arm64']));
/** AWS region names: `us-east-1`, `eu-central-2`, `us-gov-west-1`, `ap-southeast-5`. */
export const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d$/;
export const AMI_ID_PATTERN = /^ami-[0-9a-f]{8}([0-9a-f]{9})?$/;
/** The image families the boot script knows; CloudWorkstation's spellings are accepted too. */
export const AMI_DISTROS = ['ubuntu', 'rocky', 'al2023'] as const;
const DISTRO_ALIASES: Record<string, (typeof AMI_DISTROS)[number]> = {
  debian: 'ubuntu',
  'amazon-linux': 'al2023',
  'amazon-linux-2023': 'al2023',
  amazonlinux: 'al2023',
  rhel: 'rocky',
  'rocky-linux': 'rocky',
  rockylinux: 'rocky',
  alma: 'rocky',
  almalinux: 'rocky',
};

const region = lazySchema(() => z.string().regex(REGION_PATTERN, 'a region looks like "us-east-1"'));
const amiId = lazySchema(() =>
  z.string().regex(AMI_ID_PATTERN, 'an AMI id looks like "ami-0123456789abcdef0"'),
);
const ssmParameter = lazySchema(() =>
  z.string().regex(/^\/[A-Za-z0-9_.\-/]+$/, 'an SSM parameter name is a path like "/aws/service/.../ami-id"'),
);

export const amiConfigSchema = lazySchema(() =>
  z.strictObject({
    amis: z.record(region, z.partialRecord(ARCHITECTURE, amiId)).optional(),
    ami_mappings: z.record(region, amiId).optional(),
    ami_search: z
      .strictObject({
        owner: z
          .string()
          .regex(
            /^(\d{12}|amazon|aws-marketplace|self|[a-z0-9-]+)$/,
            'an owner is an account id or an alias like "amazon"',
          ),
        name_pattern: z
          .string()
          .regex(/^[A-Za-z0-9 ()[\]./_*?-]{1,128}$/, 'a name pattern is an image name with * wildcards'),
        architecture: z.union([ARCHITECTURE, z.array(ARCHITECTURE)]).optional(),
        version_tag: z.string().optional(),
        min_creation_date: z.string().optional(),
        required_tags: z.record(z.string(), z.string()).optional(),
      })
      .optional(),
    ssm_parameter: z.union([ssmParameter, z.partialRecord(ARCHITECTURE, ssmParameter)]).optional(),
    distro: z
      .preprocess(
        (value) =>
          typeof value === 'string' ? (DISTRO_ALIASES[value.toLowerCase()] ?? value.toLowerCase()) : value,
        z.enum(AMI_DISTROS, { error: 'distro is ubuntu, rocky or al2023' }),
      )
      .optional(),
    ssh_user: z.string().optional(),
    instance_types: z.partialRecord(ARCHITECTURE, z.string()).optional(),
    user_data_script: z.string().optional(),
    strategy: z.string().optional(),
    fallback_strategy: z.string().optional(),
    fallback_timeout: z.string().optional(),
    preferred_architecture: ARCHITECTURE.optional(),
    instance_family_preference: z.array(z.string()).optional(),
  }),
);

export type AmiConfig = z.infer<typeof amiConfigSchema>;
