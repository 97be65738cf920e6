import { z } from 'zod';

/** A row of `cws-tui athena query --output json`: column name to Athena's text value. */
export const athenaRowsJsonSchema = z
  .array(z.record(z.string(), z.string().nullable()))
  .meta({ id: 'AthenaRows' });

/** A query of `cws-tui athena history --json`, with what it cost. */
export const athenaHistoryJsonSchema = z
  .array(
    z.looseObject({
      id: z.string(),
      sql: z.string(),
      workgroup: z.string(),
      database: z.string().optional(),
      state: z.enum(['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED']),
      state_reason: z.string().optional(),
      bytes_scanned: z.number(),
      submitted_at: z.string().optional(),
      completed_at: z.string().optional(),
      cost_usd: z.number(),
    }),
  )
  .meta({ id: 'AthenaHistory' });

/** `cws-tui athena cancel <query-id> --json`. */
export const athenaCancelledJsonSchema = z
  .strictObject({ id: z.string(), cancelled: z.literal(true), bytes_scanned: z.number() })
  .meta({ id: 'AthenaCancelled' });
