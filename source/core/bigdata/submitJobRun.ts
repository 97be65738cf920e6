import { randomUUID } from 'node:crypto';
import { TAG } from '../ports.js';
import { type BigDataContext, DATA_BUCKETS_TAG } from './BigDataContext.js';
import { BigDataError } from './BigDataError.js';
import { checkBigDataPolicy } from './checkBigDataPolicy.js';
import { capacityUsdPerHour, serverlessRates } from './emrPricing.js';
import { findSparkApplication } from './findSparkApplication.js';
import type { SparkApplication } from './ports.js';
import { type PreparedJobRun, STAGING_PREFIX, sparkSubmitParameters } from './prepareJobRun.js';
import { readEntryPoint } from './readEntryPoint.js';
import { stageJobRun } from './stageJobRun.js';

export interface SubmitJobRunRequest {
  application: string;
  regions: readonly string[];
  /** A local .py or .jar, or an s3:// URI in an allowed bucket. */
  entry: string;
  args: string[];
  conf: string[];
  /** Data buckets besides the application's. */
  data_buckets?: string[];
  /** Attempts in all (1: no retry). */
  max_attempts?: number;
}

export interface SubmittedJobRun {
  application: SparkApplication;
  run_id: string;
  prepared: PreparedJobRun;
}

/**
 * `bigdata submit`: checks the entry point, the Spark settings, the buckets named and the policy
 * before anything is written; then uploads the script to the staging prefix, makes sure the job
 * role may read it and the data buckets, and starts the run.
 */
export async function submitJobRun(
  context: BigDataContext,
  request: SubmitJobRunRequest,
): Promise<SubmittedJobRun> {
  const entry = request.entry.startsWith('s3://') ? request.entry : await readEntryPoint(request.entry);
  sparkSubmitParameters(request.conf);
  const maxAttempts = request.max_attempts ?? 1;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 10)
    throw new BigDataError('input', `--attempts is 1-10, not ${request.max_attempts}`);
  const serverless = context.bigdata.serverless;
  const application = await findSparkApplication(serverless, request.regions, request.application);
  if (application.state === 'CREATING' || application.state === 'STOPPING')
    throw new BigDataError(
      'input',
      `the application ${application.name} is ${application.state}: submit when it has settled`,
    );
  if (application.state === 'STOPPED' && !application.auto_start)
    throw new BigDataError(
      'input',
      `the application ${application.name} is stopped and does not auto-start: cws-tui bigdata start ${application.name}`,
    );
  const ownBuckets = (application.tags[DATA_BUCKETS_TAG] ?? '').split(' ').filter((bucket) => bucket !== '');
  const buckets = [...new Set([...ownBuckets, ...(request.data_buckets ?? [])])];
  const rates = serverlessRates(application.region, application.architecture);
  checkBigDataPolicy(context.policy, {
    template_slug: application.tags[TAG.template] ?? 'unknown',
    region: application.region,
    tags: application.tags,
    hourly_cost: rates && capacityUsdPerHour(application.maximum_capacity, rates),
    facts: {
      kind: 'emr-job',
      max_vcpus: application.maximum_capacity.vcpu,
      max_memory_gb: application.maximum_capacity.memory_gb,
      data_buckets: buckets,
      instance_types: [],
    },
  });
  const { bucket, prepared } = await stageJobRun(context, {
    name: application.name,
    region: application.region,
    entry,
    args: request.args,
    conf: request.conf,
    data_buckets: buckets,
  });
  const role = await context.bigdata.roles.ensureJobExecutionRole({ bucket, key: STAGING_PREFIX }, buckets);
  const { id } = await serverless.startJobRun({
    region: application.region,
    application_id: application.id,
    name: prepared.name,
    execution_role_arn: role,
    entry_point: prepared.entry_point,
    arguments: prepared.arguments,
    spark_submit_parameters: prepared.spark_submit_parameters,
    log_uri: prepared.log_uri,
    client_token: randomUUID(),
    max_attempts: maxAttempts,
    tags: {
      [TAG.managed]: 'true',
      [TAG.profile]: context.profile,
      ...(context.research_user ? { [TAG.researchUser]: context.research_user } : {}),
    },
  });
  return { application, run_id: id, prepared };
}
