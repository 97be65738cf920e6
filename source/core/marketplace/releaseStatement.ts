import { z } from 'zod';
import { lazySchema } from '../schema/lazySchema.js';

/** A template slug as the marketplace names it: the same rule as registry names, a little longer. */
export const marketplaceSlug = lazySchema(() =>
  z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a slug is lower-case letters, digits and -, at most 64'),
);

/** Semantic version `MAJOR.MINOR.PATCH[-pre]`, the only version form a release may have. */
export const releaseVersion = lazySchema(() =>
  z
    .string()
    .regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$/, 'a version is semver, e.g. 1.2.0'),
);

const scanSummary = lazySchema(() =>
  z.strictObject({
    high: z.number().int().nonnegative(),
    medium: z.number().int().nonnegative(),
    low: z.number().int().nonnegative(),
  }),
);

/**
 * What a publisher signs for one release: which bytes (SHA-256 and length of the template file
 * exactly as stored) under which slug and version, with its changelog, compliance claims and scan
 * summary. Changing any of it breaks the signature.
 */
export const releaseStatementSchema = lazySchema(() =>
  z.strictObject({
    kind: z.literal('cws-template-release'),
    slug: marketplaceSlug,
    version: releaseVersion,
    template_sha256: z.string().regex(/^[0-9a-f]{64}$/),
    template_bytes: z.number().int().nonnegative(),
    name: z.string().max(200),
    description: z.string().max(2000),
    category: z.string().max(100).optional(),
    tags: z.array(z.string().max(50)).max(30),
    publisher_name: z.string().min(1).max(100),
    changelog: z.string().max(4000),
    published_at: z.string(),
    compliance: z.record(z.string(), z.unknown()).optional(),
    scan: scanSummary,
  }),
);

export type ReleaseStatement = z.infer<typeof releaseStatementSchema>;

/** An approver's countersignature over one release's signature file. */
export const reviewStatementSchema = lazySchema(() =>
  z.strictObject({
    kind: z.literal('cws-template-review'),
    slug: marketplaceSlug,
    version: releaseVersion,
    template_sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** SHA-256 of the release's signature file: the review covers that exact release. */
    release_signature_sha256: z.string().regex(/^[0-9a-f]{64}$/),
    decision: z.enum(['approve', 'reject']),
    reason: z.string().max(2000),
    reviewer_name: z.string().min(1).max(100),
    reviewed_at: z.string(),
    /** Why high scan findings were accepted, when there were any. */
    scan_override: z.string().max(2000).optional(),
  }),
);

export type ReviewStatement = z.infer<typeof reviewStatementSchema>;

/** Parses a signed payload against its schema; a payload that does not fit is a refusal reason. */
export function parseStatement<T>(
  schema: z.ZodType<T>,
  payload: Buffer,
  what: string,
): { statement: T } | { refusal: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload.toString('utf8'));
  } catch {
    return { refusal: `${what}: the signed metadata is not JSON` };
  }
  const result = schema.safeParse(parsed);
  if (!result.success)
    return { refusal: `${what}: the signed metadata is not a statement this version reads` };
  return { statement: result.data };
}
