import type { JobRun } from '@aws-sdk/client-databrew';
import type { DataBrewJobRun, DataBrewRunState } from '../../core/analytics/dataBrewPorts.js';
import { CloudError } from '../../core/CloudError.js';
import type { AwsCallContext } from '../translateAwsError.js';
import { translateAwsError } from '../translateAwsError.js';

/** `s3://bucket/key` as DataBrew's S3 location, or why it is not one. */
export function splitS3(uri: string): { Bucket: string; Key: string } {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  if (!match?.[1]) {
    throw new CloudError({
      kind: 'invalid-parameter',
      code: 'InvalidS3Uri',
      message: `'${uri}' is not an s3://bucket/key URI`,
      hint: 'Name the file as s3://bucket/key.',
    });
  }
  return { Bucket: match[1], Key: match[2] ?? '' };
}

export function toRun(job: string, run: JobRun, nodes: number): DataBrewJobRun {
  return {
    job: run.JobName ?? job,
    run_id: run.RunId ?? '',
    state: (run.State ?? 'STARTING') as DataBrewRunState,
    nodes,
    ...(run.StartedOn ? { started_at: run.StartedOn.toISOString() } : {}),
    ...(run.CompletedOn ? { completed_at: run.CompletedOn.toISOString() } : {}),
    ...(run.ExecutionTime !== undefined ? { execution_seconds: run.ExecutionTime } : {}),
    ...(run.ErrorMessage ? { error: run.ErrorMessage } : {}),
    ...(run.LogGroupName ? { log_group: run.LogGroupName } : {}),
  };
}

/** DataBrew names a missing dataset, recipe, job or run with ResourceNotFoundException. */
export function translateDataBrewError(thrown: unknown, context: AwsCallContext): CloudError {
  if (thrown instanceof Error && thrown.name === 'ResourceNotFoundException')
    return new CloudError({
      kind: 'not-found',
      code: thrown.name,
      message: `DataBrew: ${thrown.message}`,
      hint: '`cws-tui databrew dataset list` and `cws-tui databrew job list` show what there is.',
    });
  return translateAwsError(thrown, context);
}
