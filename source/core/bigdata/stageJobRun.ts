import type { BigDataContext } from './BigDataContext.js';
import { type JobSubmission, type PreparedJobRun, prepareJobRun } from './prepareJobRun.js';
import { stagingBucketName } from './stagingBucketName.js';

export interface StageJobRunRequest {
  /** The application or cluster the run belongs to; names the run and its staging keys. */
  name: string;
  region: string;
  entry: JobSubmission['entry'];
  args: readonly string[];
  conf: readonly string[];
  data_buckets: readonly string[];
}

/**
 * Prepares a Spark run and puts its script in the region's staging bucket: shared by Serverless
 * job runs and cluster steps so both stage the same way, after their own checks have passed.
 */
export async function stageJobRun(
  context: BigDataContext,
  request: StageJobRunRequest,
): Promise<{ bucket: string; prepared: PreparedJobRun }> {
  const bucket = stagingBucketName(await context.account_id(), request.region);
  const prepared = prepareJobRun({
    application_name: request.name,
    entry: request.entry,
    args: request.args,
    conf: request.conf,
    staging_bucket: bucket,
    data_buckets: request.data_buckets,
    now: context.now(),
  });
  await context.bigdata.staging.ensureStagingBucket(request.region);
  if (prepared.upload)
    await context.bigdata.staging.upload(request.region, prepared.upload.location, prepared.upload.body);
  return { bucket, prepared };
}
