import { z } from 'zod';
import { lazySchema } from '../schema/lazySchema.js';

/** The analytics services a policy can allow. */
export const ANALYTICS_SERVICES = ['athena', 'databrew', 'quicksight', 'codecatalyst', 'glue'] as const;
export type AnalyticsService = (typeof ANALYTICS_SERVICES)[number];

/** Athena refuses a per-query cutoff under 10 MB (BytesScannedCutoffPerQuery's minimum). */
export const ATHENA_MINIMUM_CUTOFF_BYTES = 10_000_000;

const names = lazySchema(() =>
  z.array(
    z
      .string()
      .min(1, 'a pattern cannot be empty')
      .regex(/^[A-Za-z0-9*._-]+$/, 'a pattern is letters, digits, ".", "_", "-" and "*" wildcards'),
  ),
);

/**
 * The policy's `analytics` section: which services, how much Athena may scan, what data a profile
 * may use, and where results go. Missing keys do not restrict, except that Athena needs a results
 * location (nothing is written anywhere the policy does not name).
 */
export const analyticsPolicySchema = lazySchema(() =>
  z.strictObject({
    services: z.array(z.enum(ANALYTICS_SERVICES)).optional(),
    max_bytes_per_query: z
      .number()
      .int()
      .min(ATHENA_MINIMUM_CUTOFF_BYTES, 'Athena cannot cut a query off under 10,000,000 bytes')
      .optional(),
    max_bytes_per_month: z.number().int().positive().optional(),
    buckets: z.strictObject({ allow: names.optional(), deny: names.optional() }).optional(),
    databases: z.strictObject({ allow: names.optional(), deny: names.optional() }).optional(),
    quicksight_author_seats: z.number().int().nonnegative().optional(),
    /** The lab's S3 prefix for Athena results: `s3://bucket/prefix/`. */
    results_location: z
      .string()
      .regex(
        /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/[^\s]*)?$/,
        'results_location is s3://bucket/prefix/',
      )
      .optional(),
    /** A KMS key for results (SSE-KMS); SSE-S3 when absent. */
    results_kms_key: z.string().min(1).optional(),
  }),
);

export type AnalyticsPolicy = z.infer<typeof analyticsPolicySchema>;
