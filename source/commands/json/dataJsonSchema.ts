import { z } from 'zod';

/** `cws-tui data sources --json`: the buckets the policy names and the catalog tables it allows. */
export const dataSourcesJsonSchema = z
  .strictObject({
    bucket_patterns: z
      .strictObject({ allow: z.array(z.string()).optional(), deny: z.array(z.string()).optional() })
      .optional(),
    results_location: z.string().optional(),
    tables: z.array(
      z.looseObject({
        database: z.string(),
        name: z.string(),
        columns: z.array(z.looseObject({ name: z.string(), type: z.string() })),
        location: z.string().optional(),
        size_bytes: z.number().optional(),
        updated_at: z.string().optional(),
      }),
    ),
    hidden: z.array(z.strictObject({ database: z.string(), reason: z.string() })),
  })
  .meta({ id: 'DataSources' });
