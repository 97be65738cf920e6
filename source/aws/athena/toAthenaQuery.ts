import type { QueryExecution } from '@aws-sdk/client-athena';
import type { AthenaQuery, AthenaQueryState } from '../../core/analytics/ports.js';

const STATES = new Set<string>(['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED']);

/** A QueryExecution as the core reads it. */
export function toAthenaQuery(execution: QueryExecution): AthenaQuery {
  const status = execution.Status;
  const state = status?.State ?? 'QUEUED';
  const query: AthenaQuery = {
    id: execution.QueryExecutionId ?? '',
    sql: execution.Query ?? '',
    workgroup: execution.WorkGroup ?? 'primary',
    state: (STATES.has(state) ? state : 'QUEUED') as AthenaQueryState,
    bytes_scanned: execution.Statistics?.DataScannedInBytes ?? 0,
  };
  const database = execution.QueryExecutionContext?.Database;
  if (database) query.database = database;
  if (status?.StateChangeReason) query.state_reason = status.StateChangeReason;
  if (status?.AthenaError?.ErrorType !== undefined) query.error_type = status.AthenaError.ErrorType;
  if (status?.AthenaError?.ErrorCategory !== undefined)
    query.error_category = status.AthenaError.ErrorCategory;
  if (status?.SubmissionDateTime) query.submitted_at = status.SubmissionDateTime.toISOString();
  if (status?.CompletionDateTime) query.completed_at = status.CompletionDateTime.toISOString();
  if (execution.Statistics?.EngineExecutionTimeInMillis !== undefined)
    query.engine_ms = execution.Statistics.EngineExecutionTimeInMillis;
  const output = execution.ResultConfiguration?.OutputLocation;
  if (output) query.output_location = output;
  return query;
}
