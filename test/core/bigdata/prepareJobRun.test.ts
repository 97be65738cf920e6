import { describe, expect, it } from 'vitest';
import { BigDataError } from '../../../source/core/bigdata/BigDataError.js';
import {
  dataBucketAccessPolicy,
  jobRoleInlinePolicies,
  stagingAccessPolicy,
} from '../../../source/core/bigdata/jobRolePolicy.js';
import { driverErrorLines } from '../../../source/core/bigdata/jobRunLogs.js';
import { cancelRefusal, canMoveTo } from '../../../source/core/bigdata/jobRunStates.js';
import { driverLogLocation, prepareJobRun } from '../../../source/core/bigdata/prepareJobRun.js';
import { releaseLabelProblem } from '../../../source/core/bigdata/releaseLabels.js';

const base = {
  application_name: 'etl',
  entry: { name: 'etl.py', bytes: new TextEncoder().encode('print(1)') },
  args: ['s3://lab-data/raw/', '--limit', '10'],
  conf: ['spark.executor.instances=4', 'spark.jars=s3://lab-data/jars/a.jar'],
  staging_bucket: 'cws-tui-staging-123456789012-us-east-1',
  data_buckets: ['lab-data'],
  now: new Date('2026-12-06T04:10:11.123Z'),
};

describe('prepareJobRun', () => {
  it('places the script under the staging prefix and the logs beside it', () => {
    const prepared = prepareJobRun(base);
    expect(prepared).toMatchObject({
      name: 'etl-20261206T041011Z',
      entry_point: 's3://cws-tui-staging-123456789012-us-east-1/bigdata/etl/20261206T041011Z/etl.py',
      arguments: ['s3://lab-data/raw/', '--limit', '10'],
      spark_submit_parameters: '--conf spark.executor.instances=4 --conf spark.jars=s3://lab-data/jars/a.jar',
      log_uri: 's3://cws-tui-staging-123456789012-us-east-1/bigdata/logs/',
    });
    expect(prepared.upload?.location.key).toBe('bigdata/etl/20261206T041011Z/etl.py');
    expect(driverLogLocation(prepared.log_uri, 'a1', 'r1', 'stderr')).toEqual({
      bucket: 'cws-tui-staging-123456789012-us-east-1',
      key: 'bigdata/logs/applications/a1/jobs/r1/SPARK_DRIVER/stderr.gz',
    });
  });

  it.each([
    [{ args: ['s3a://other/x'] }, /'s3a:\/\/other\/x' names the bucket 'other', which is outside/],
    [{ conf: ['spark.jars=s3://lab-data/a.jar,s3://evil/b.jar'] }, /names the bucket 'evil'/],
    [{ conf: ['executor.memory=8g'] }, /not a Spark setting/],
    [{ conf: ['spark.app.name=two words'] }, /needs a value without spaces/],
    [{ entry: 's3://other/job.py' }, /outside the allowed buckets/],
    [{ entry: 's3://lab-data/' }, /is not an S3 object/],
  ])('refuses %o', (change, message) => {
    expect(() => prepareJobRun({ ...base, ...change })).toThrow(message);
    expect(() => prepareJobRun({ ...base, ...change })).toThrow(BigDataError);
  });
});

describe('release labels', () => {
  it('knows the EMR Serverless releases and suggests the nearest for a typo', () => {
    expect(releaseLabelProblem('emr-7.5.0', 'emr-serverless')).toBeUndefined();
    expect(releaseLabelProblem('emr-5.36.0', 'emr-cluster')).toBeUndefined();
    expect(releaseLabelProblem('emr-5.36.0', 'emr-serverless')).toMatch(
      /EMR Serverless has no release emr-5\.36\.0/,
    );
    expect(releaseLabelProblem('emr-7.55.0', 'emr-serverless')).toMatch(/nearest: emr-7\.12\.0/);
    expect(releaseLabelProblem('7.5', 'emr-serverless')).toMatch(/not a release label/);
  });
});

describe('job run states', () => {
  it('moves forward only and can be cancelled until it ends', () => {
    expect(canMoveTo('SUBMITTED', 'SUCCESS')).toBe(true);
    expect(canMoveTo('RUNNING', 'PENDING')).toBe(true);
    expect(canMoveTo('SUCCESS', 'RUNNING')).toBe(false);
    expect(cancelRefusal('RUNNING')).toBeUndefined();
    expect(cancelRefusal('FAILED')).toMatch(/already ended/);
  });

  it("picks the driver's error lines out of its stderr", () => {
    const stderr =
      'INFO SparkContext: Running\nTraceback (most recent call last):\n  File "x.py", line 3, in <module>\n    raise ValueError("bad")\nValueError: bad\nINFO ShutdownHookManager: done\n';
    expect(driverErrorLines(stderr)).toEqual([
      'Traceback (most recent call last):',
      '  File "x.py", line 3, in <module>',
      '    raise ValueError("bad")',
      'ValueError: bad',
    ]);
  });
});

describe('the job role', () => {
  it('may touch only the staging prefix and the named data buckets', () => {
    const staging = JSON.parse(stagingAccessPolicy({ bucket: 'stage', key: 'bigdata/' }, 'aws'));
    expect(staging.Statement).toEqual([
      expect.objectContaining({
        Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        Resource: ['arn:aws:s3:::stage/bigdata/*'],
      }),
      expect.objectContaining({
        Action: ['s3:ListBucket'],
        Condition: { StringLike: { 's3:prefix': ['bigdata/*'] } },
      }),
    ]);
    expect(JSON.parse(dataBucketAccessPolicy('lab-data', 'aws-cn')).Statement[0].Resource).toEqual([
      'arn:aws-cn:s3:::lab-data/*',
    ]);
    expect(Object.keys(jobRoleInlinePolicies({ bucket: 'stage', key: 'bigdata/' }, ['a', 'b', 'a']))).toEqual(
      ['cws-staging', 'cws-data-a', 'cws-data-b'],
    );
  });
});
