import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBigdataCommand } from '../../source/commands/bigdataCommand.js';
import { runCostCommand } from '../../source/commands/costCommand.js';
import { runProfilesCommand } from '../../source/commands/profilesCommand.js';
import { EXAMPLE_SPARK_SCRIPT } from '../core/bigdata/exampleSparkScript.js';
import { runCommand, testEnvironment } from './commandHarness.js';

describe('cws-tui bigdata on the demo account', () => {
  it('creates an application from spark-serverless, runs the example pipeline, shows its logs and cost, stops it', async () => {
    const env = testEnvironment();
    const created = await runCommand(runBigdataCommand, ['create', 'spark-serverless', 'etl'], env, {
      json: true,
    });
    expect(created.code).toBe(0);
    const application = JSON.parse(created.stdout);
    expect(application).toMatchObject({
      name: 'etl',
      release_label: 'emr-7.5.0',
      architecture: 'ARM64',
      maximum_capacity: { vcpu: 32, memory_gb: 128 },
      auto_stop_idle_minutes: 15,
      tags: { 'cws:managed': 'true', 'cws:template': 'spark-serverless' },
    });
    expect(application.usd_per_hour_at_max_capacity).toBeCloseTo(32 * 0.042094 + 128 * 0.004628, 6);

    const submitted = await runCommand(runBigdataCommand, ['submit', 'etl', EXAMPLE_SPARK_SCRIPT], env, {
      args: ['s3://lab-data/raw/', 's3://lab-data/curated/'],
      bucket: ['lab-data'],
      follow: true,
    });
    expect(submitted.code).toBe(0);
    expect(submitted.stdout).toMatch(
      /^Submitted etl_csv_to_parquet-\d{8}T\d{6}Z as run \S+ on etl \(script at s3:\/\/cws-tui-staging-\d+-us-east-1\/bigdata\/etl\//m,
    );
    expect(submitted.stdout).toMatch(/: SUCCESS, \d+s, cost \$0\.\d\d/);
    expect(submitted.stdout).toContain('--- driver stdout\nread 42 rows from s3://lab-data/raw/');
    expect(submitted.stdout).toContain('wrote 42 rows as Parquet to s3://lab-data/curated/');

    const runs = JSON.parse(
      (await runCommand(runBigdataCommand, ['runs', 'etl'], env, { json: true })).stdout,
    );
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      state: 'SUCCESS',
      arguments: ['s3://lab-data/raw/', 's3://lab-data/curated/'],
    });
    const logs = JSON.parse(
      (await runCommand(runBigdataCommand, ['logs', 'etl', runs[0].id], env, { json: true })).stdout,
    );
    expect(logs.run.billed.vcpu_hours).toBeGreaterThan(0);
    expect(logs.run.usd).toBeGreaterThan(0);
    expect(logs.logs.stderr).toContain('Successfully stopped SparkContext');

    const ui = await runCommand(runBigdataCommand, ['ui', 'etl', runs[0].id], env, { json: true });
    expect(JSON.parse(ui.stdout).spark_ui).toMatch(
      /^https:\/\/p-\S+\.emrappui-prod\.us-east-1\.amazonaws\.com\//,
    );

    const cost = JSON.parse((await runCommand(runCostCommand, [], env, { json: true })).stdout);
    const line = cost.items.find((item: { name: string }) => item.name === 'etl');
    expect(line).toMatchObject({ service: 'EMR Serverless' });
    expect(cost.month_to_date).toBeGreaterThanOrEqual(Math.round(logs.run.usd * 100) / 100 - 0.01);

    expect((await runCommand(runBigdataCommand, ['stop', 'etl'], env)).stdout).toMatch(/^Stopping etl /);
    const listed = JSON.parse((await runCommand(runBigdataCommand, ['list'], env, { json: true })).stdout);
    expect(listed[0]).toMatchObject({ name: 'etl', state: 'STOPPED' });
    expect((await runCommand(runBigdataCommand, ['delete', 'etl'], env, { yes: true })).code).toBe(0);
    expect(JSON.parse((await runCommand(runBigdataCommand, ['list'], env, { json: true })).stdout)).toEqual(
      [],
    );
  });

  it('shows the driver error lines of a failed job and exits 1', async () => {
    const env = testEnvironment();
    await runCommand(runBigdataCommand, ['create', 'spark-serverless', 'broken'], env);
    const script = join(env.HOME!, 'fails.py');
    writeFileSync(script, 'print("starting")\nraise ValueError("no column named station")\n');
    const outcome = await runCommand(runBigdataCommand, ['submit', 'broken', script], env, { follow: true });
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toContain(': FAILED,');
    expect(outcome.stdout).toContain('--- driver errors\nTraceback (most recent call last):');
    expect(outcome.stdout).toContain('ValueError: no column named station');
  });

  it('refuses bad input before any call, with the reason and exit code', async () => {
    const env = testEnvironment();
    await runCommand(runBigdataCommand, ['create', 'spark-serverless', 'lab'], env);
    const refusals: Array<[string[], Record<string, unknown>, number, RegExp]> = [
      [['submit', 'lab', env.HOME!], {}, 2, /is neither a Python script/],
      [['submit', 'lab', join(env.HOME!, 'missing.py')], {}, 2, /does not exist/],
      [
        ['submit', 'lab', EXAMPLE_SPARK_SCRIPT],
        { args: ['s3://someone-elses-bucket/x'] },
        2,
        /outside the allowed buckets/,
      ],
      [['submit', 'lab', 's3://someone-elses-bucket/job.py'], {}, 2, /outside the allowed buckets/],
      [['submit', 'lab', EXAMPLE_SPARK_SCRIPT], { conf: ['executor.memory=8g'] }, 2, /not a Spark setting/],
      [
        ['create', 'spark-serverless', 'other'],
        { release: 'emr-7.50.0' },
        2,
        /has no release emr-7\.50\.0; nearest: /,
      ],
      [['submit', 'nope', EXAMPLE_SPARK_SCRIPT], {}, 1, /no EMR Serverless application 'nope'/],
    ];
    for (const [args, flags, exitCode, message] of refusals)
      await expect(runCommand(runBigdataCommand, args, env, flags)).rejects.toMatchObject({
        exitCode,
        message: expect.stringMatching(message),
      });
    const runs = JSON.parse(
      (await runCommand(runBigdataCommand, ['runs', 'lab'], env, { json: true })).stdout,
    );
    expect(runs).toEqual([]);
  });

  it("denies capacity over the policy's cap and a missing auto-stop in one evaluation (exit 3)", async () => {
    const env = testEnvironment();
    const policy = join(env.HOME!, 'policy.yaml');
    writeFileSync(policy, 'bigdata:\n  max_vcpus: 16\n  max_idle_minutes: 10\n');
    const profile = await runCommand(runProfilesCommand, ['create', 'lab'], env, {
      awsProfile: 'lab',
      region: 'us-east-1',
      policy,
    });
    expect(profile.code).toBe(0);
    await expect(
      runCommand(runBigdataCommand, ['create', 'spark-serverless', 'big'], env, { demo: true, maxVcpu: 64 }),
    ).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringMatching(
        /bigdata\.max_vcpus: a maximum capacity of 64 vCPU[\s\S]*bigdata\.max_idle_minutes/,
      ),
    });
    const listed = await runCommand(runBigdataCommand, ['list'], env, { demo: true, json: true });
    expect(JSON.parse(listed.stdout)).toEqual([]);
  });
});
