import { BigDataError } from './BigDataError.js';
import type { S3Location } from './ports.js';
import type { EntryPointFile } from './readEntryPoint.js';
import { parseS3Uri, s3LocationsIn, s3Uri } from './s3Uri.js';

/** Where the app keeps big-data files in the staging bucket: scripts and logs under it. */
export const STAGING_PREFIX = 'bigdata/';

export interface JobSubmission {
  application_name: string;
  /** A local file read by readEntryPoint, or an s3:// URI already in an allowed bucket. */
  entry: EntryPointFile | string;
  args: readonly string[];
  /** `key=value` Spark settings. */
  conf: readonly string[];
  staging_bucket: string;
  /** Buckets the job may name besides the staging bucket. */
  data_buckets: readonly string[];
  now: Date;
}

export interface PreparedJobRun {
  name: string;
  upload?: { location: S3Location; body: Uint8Array };
  entry_point: string;
  arguments: string[];
  spark_submit_parameters: string;
  log_uri: string;
}

const CONF_KEY = /^spark\.[A-Za-z0-9_.-]+$/;

function stamp(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/** Spark's --conf settings as one spark-submit parameter string, each checked. */
export function sparkSubmitParameters(conf: readonly string[]): string {
  return conf
    .map((setting) => {
      const at = setting.indexOf('=');
      const key = at > 0 ? setting.slice(0, at) : '';
      const value = at > 0 ? setting.slice(at + 1) : '';
      if (!CONF_KEY.test(key))
        throw new BigDataError(
          'input',
          `--conf '${setting}' is not a Spark setting: they look like spark.executor.memory=8g`,
        );
      if (value === '' || /[\s'"\\]/.test(value))
        throw new BigDataError('input', `--conf ${key} needs a value without spaces or quotes`);
      return `--conf ${key}=${value}`;
    })
    .join(' ');
}

/**
 * The job run a submission makes: the script's place in the staging prefix, the log location, and
 * the arguments and settings, every S3 location among them checked to be in the staging bucket or
 * an allowed data bucket. Pure: refuses (BigDataError) before anything is uploaded or started.
 */
export function prepareJobRun(submission: JobSubmission): PreparedJobRun {
  const allowed = new Set([submission.staging_bucket, ...submission.data_buckets]);
  const outside = (text: string): string | undefined =>
    s3LocationsIn(text).find((location) => !allowed.has(location.bucket))?.bucket;
  const allowedText = [...allowed].join(', ');
  for (const text of [...submission.args, ...submission.conf]) {
    const bucket = outside(text);
    if (bucket)
      throw new BigDataError(
        'input',
        `'${text}' names the bucket '${bucket}', which is outside the allowed buckets (${allowedText}); add it to the template's data_buckets or --bucket`,
      );
  }
  const parameters = sparkSubmitParameters(submission.conf);
  const when = stamp(submission.now);
  const base = `${STAGING_PREFIX}${submission.application_name}/${when}/`;
  const logUri = s3Uri({ bucket: submission.staging_bucket, key: `${STAGING_PREFIX}logs/` });
  if (typeof submission.entry === 'string') {
    const location = parseS3Uri(submission.entry);
    if (!location || location.key === '' || location.key.endsWith('/'))
      throw new BigDataError('input', `the entry point '${submission.entry}' is not an S3 object`);
    if (!allowed.has(location.bucket))
      throw new BigDataError(
        'input',
        `the entry point is in '${location.bucket}', outside the allowed buckets (${allowedText})`,
      );
    const name = location.key
      .split('/')
      .at(-1)!
      .replace(/\.(py|jar)$/i, '');
    return {
      name: `${name}-${when}`,
      entry_point: submission.entry,
      arguments: [...submission.args],
      spark_submit_parameters: parameters,
      log_uri: logUri,
    };
  }
  const location = { bucket: submission.staging_bucket, key: `${base}${submission.entry.name}` };
  return {
    name: `${submission.entry.name.replace(/\.(py|jar)$/i, '')}-${when}`,
    upload: { location, body: submission.entry.bytes },
    entry_point: s3Uri(location),
    arguments: [...submission.args],
    spark_submit_parameters: parameters,
    log_uri: logUri,
  };
}

/** Where EMR Serverless writes a run's driver log (stdout or stderr), gzipped, under its log URI. */
export function driverLogLocation(
  logUri: string,
  applicationId: string,
  jobRunId: string,
  stream: 'stdout' | 'stderr',
): S3Location | undefined {
  const root = parseS3Uri(logUri);
  if (!root) return undefined;
  const prefix = root.key === '' || root.key.endsWith('/') ? root.key : `${root.key}/`;
  return {
    bucket: root.bucket,
    key: `${prefix}applications/${applicationId}/jobs/${jobRunId}/SPARK_DRIVER/${stream}.gz`,
  };
}
