import { z } from 'zod';

const capacity = z.looseObject({ vcpu: z.number(), memory_gb: z.number(), disk_gb: z.number() });

/** An application as `cws-tui bigdata list|show|create --json` prints it. */
export const sparkApplicationJsonSchema = z
  .looseObject({
    id: z.string(),
    name: z.string(),
    region: z.string(),
    state: z.string(),
    release_label: z.string(),
    architecture: z.string(),
    maximum_capacity: capacity,
    auto_start: z.boolean(),
    auto_stop_idle_minutes: z.number().optional(),
    tags: z.record(z.string(), z.string()),
    created_at: z.string(),
    updated_at: z.string(),
    usd_per_hour_warm: z.number().nullable(),
    usd_per_hour_at_max_capacity: z.number().nullable(),
  })
  .meta({ id: 'SparkApplication' });
export const sparkApplicationListJsonSchema = z
  .array(sparkApplicationJsonSchema)
  .meta({ id: 'SparkApplicationList' });

/** A job run as `cws-tui bigdata runs <app> --json` prints it, with its cost once ended. */
export const sparkRunJsonSchema = z
  .looseObject({
    id: z.string(),
    application_id: z.string(),
    name: z.string(),
    state: z.string(),
    created_at: z.string(),
    updated_at: z.string(),
    entry_point: z.string(),
    arguments: z.array(z.string()),
    billed: z
      .looseObject({ vcpu_hours: z.number(), memory_gb_hours: z.number(), storage_gb_hours: z.number() })
      .optional(),
    duration_seconds: z.number().optional(),
    usd: z.number().nullable(),
  })
  .meta({ id: 'SparkRun' });
export const sparkRunListJsonSchema = z.array(sparkRunJsonSchema).meta({ id: 'SparkRunList' });

/** `cws-tui bigdata logs <app> <run> --json`. */
export const sparkRunLogsJsonSchema = z
  .strictObject({
    run: sparkRunJsonSchema,
    logs: z.looseObject({
      stdout: z.string().optional(),
      stderr: z.string().optional(),
      error_lines: z.array(z.string()),
      notes: z.array(z.string()),
    }),
  })
  .meta({ id: 'SparkRunLogs' });

/** `cws-tui bigdata submit <app> <entry> --json` (without --follow). */
export const sparkSubmittedJsonSchema = z
  .looseObject({
    application: z.string(),
    run_id: z.string(),
    name: z.string(),
    entry_point: z.string(),
    arguments: z.array(z.string()),
    spark_submit_parameters: z.string(),
    log_uri: z.string(),
  })
  .meta({ id: 'SparkRunSubmitted' });

export const sparkRunCancelJsonSchema = z
  .strictObject({ id: z.string(), action: z.literal('cancel') })
  .meta({ id: 'SparkRunCancelled' });

/** `cws-tui bigdata start|stop|delete <app> --json`. */
export const sparkApplicationActionJsonSchema = z
  .strictObject({ name: z.string(), id: z.string(), action: z.enum(['start', 'stop', 'delete']) })
  .meta({ id: 'SparkApplicationAction' });
