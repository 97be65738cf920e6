import { z } from 'zod';
import { lazySchema } from '../schema/lazySchema.js';
import { DATABREW_RECIPES } from './dataBrewRecipes.js';

/**
 * A template's `analytics` section: an Athena workgroup with example queries, a QuickSight
 * dashboard over an Athena table, or a DataBrew dataset, recipe and job. Such a template has no
 * `base`; `cws-tui athena`, `quicksight create` and `databrew` run it.
 */

const s3Uri = lazySchema(() =>
  z
    .string()
    .regex(/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/\S*)?$/, 'an S3 location is s3://bucket/prefix'),
);
const glueName = lazySchema(() =>
  z.string().regex(/^[a-z0-9_]{1,255}$/, 'a Glue database or table name is lowercase letters, digits and _'),
);
const columnName = lazySchema(() =>
  z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, 'a column name is letters, digits, _'),
);

const exampleQuery = lazySchema(() =>
  z.strictObject({
    name: z.string().min(1),
    description: z.string().optional(),
    sql: z.string().min(1, 'an example query needs its SQL'),
  }),
);

export const athenaTemplateSchema = lazySchema(() =>
  z.strictObject({
    kind: z.literal('athena'),
    database: glueName,
    /** A table over a dataset's S3 path (a public dataset, or the lab's own), made by `data crawl` or DDL. */
    data_source: z
      .strictObject({
        table: glueName,
        location: s3Uri,
        format: z.enum(['csv', 'json', 'parquet']),
        columns: z.array(z.strictObject({ name: columnName, type: z.string().min(1) })).min(1),
      })
      .optional(),
    examples: z.array(exampleQuery).min(1, 'an Athena template ships at least one example query'),
  }),
);

const visual = lazySchema(() =>
  z.strictObject({
    kind: z.enum(['bar', 'line', 'table']),
    title: z.string().min(1),
    /** The dimension: a column of the table. */
    category: columnName,
    /** The measure, summed: a numeric column of the table. */
    value: columnName,
  }),
);

export const quickSightTemplateSchema = lazySchema(() =>
  z.strictObject({
    kind: z.literal('quicksight'),
    /** The Athena table the dataset reads (through the profile's workgroup). */
    database: glueName,
    table: glueName,
    dashboard: z.strictObject({
      id: z.string().regex(/^[A-Za-z0-9_-]{1,512}$/, 'a dashboard id is letters, digits, _ and -'),
      name: z.string().min(1).max(2048),
      visuals: z.array(visual).min(1, 'a dashboard needs at least one visual').max(20),
    }),
  }),
);

export const dataBrewTemplateSchema = lazySchema(() =>
  z.strictObject({
    kind: z.literal('databrew'),
    dataset: z.strictObject({
      name: z
        .string()
        .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,239}$/, 'a dataset name is letters, digits, . _ -'),
      s3_uri: s3Uri,
    }),
    /** A shipped recipe (`cws-tui databrew recipes`). */
    recipe: z.string().refine((name) => name in DATABREW_RECIPES, {
      message: `a recipe is one of ${Object.keys(DATABREW_RECIPES).join(', ')}`,
    }),
    job: z.strictObject({
      max_nodes: z.number().int().min(1).max(149),
      /** Where the job writes its output: the lab's S3 prefix. */
      output: s3Uri,
      profile: z.boolean().optional(),
    }),
  }),
);

export const analyticsTemplateSchema = lazySchema(() =>
  z.discriminatedUnion('kind', [athenaTemplateSchema, quickSightTemplateSchema, dataBrewTemplateSchema]),
);

export type AnalyticsTemplate = z.infer<typeof analyticsTemplateSchema>;
export type QuickSightTemplate = z.infer<typeof quickSightTemplateSchema>;
export type QuickSightVisual = z.infer<typeof visual>;
