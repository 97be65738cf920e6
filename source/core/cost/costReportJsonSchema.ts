import { z } from 'zod';

const usd = z.number();

/** One resource's line of `cost --json` (amounts in USD, rounded as the panel shows them). */
export const costReportItemJsonSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.string(),
    region: z.string(),
    instance_type: z.string().optional(),
    state: z.string(),
    basis: z.literal('estimate'),
    price_source: z.enum(['snapshot', 'api', 'spot']),
    rate_per_hour: usd,
    today: usd,
    month_to_date: usd,
    projected_month: usd,
    window_total: usd.optional(),
    saved_this_month: usd,
    stopped_hours_this_month: z.number(),
    hibernated_hours_this_month: z.number(),
    notes: z.array(z.string()),
  })
  .meta({ id: 'CostReportItem' });

/**
 * `cws-tui cost --json` and `GET /v1/cost`: one shape, defined once (the command's builder is typed
 * by it and the API's OpenAPI document is generated from it).
 */
export const costReportJsonSchema = z
  .object({
    generated_at: z.string(),
    time_zone: z.string(),
    currency: z.literal('USD'),
    basis: z.literal('estimate'),
    burn_rate_per_hour: usd,
    today: usd,
    month_to_date: usd,
    projected_month: usd,
    saved_this_month: usd,
    month: z.object({ from: z.string(), to: z.string() }),
    window: z
      .object({ from: z.string(), to: z.string(), total: usd, until_now: z.boolean().optional() })
      .nullable(),
    daily: z.array(z.object({ date: z.string(), amount: usd })),
    budget: z
      .object({
        monthly_limit: usd,
        spent: usd,
        projected: usd,
        percent_used: z.number(),
        projected_percent: z.number(),
        level: z.enum(['ok', 'warning', 'exceeded']),
        crossed: z.array(z.number()),
        blocks_launch: z.boolean(),
        block_reason: z.string().optional(),
      })
      .nullable(),
    billed: z
      .object({
        basis: z.literal('billed'),
        amount: usd.nullable(),
        fetched_at: z.string().nullable(),
        from_cache: z.boolean(),
        error: z.string().optional(),
      })
      .nullable(),
    items: z.array(costReportItemJsonSchema),
    notes: z.array(z.string()),
  })
  .meta({ id: 'CostReport' });

export type CostReportJson = z.infer<typeof costReportJsonSchema>;
