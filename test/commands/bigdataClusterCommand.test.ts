import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBigdataCommand } from '../../source/commands/bigdataCommand.js';
import { runCostCommand } from '../../source/commands/costCommand.js';
import { runProfilesCommand } from '../../source/commands/profilesCommand.js';
import { EXAMPLE_SPARK_SCRIPT } from '../core/bigdata/exampleSparkScript.js';
import { runCommand, testEnvironment } from './commandHarness.js';

describe('cws-tui bigdata cluster on the demo account', () => {
  it('creates a cluster from emr-spark-cluster, runs the example as a step, resizes, prices and terminates it', async () => {
    const env = testEnvironment();
    const created = await runCommand(
      runBigdataCommand,
      ['cluster', 'create', 'emr-spark-cluster', 'hadoop'],
      env,
      { json: true, bucket: ['lab-data'] },
    );
    expect(created.code).toBe(0);
    const cluster = JSON.parse(created.stdout);
    expect(cluster).toMatchObject({
      name: 'hadoop',
      release_label: 'emr-7.5.0',
      applications: ['Spark', 'Hive', 'Livy', 'JupyterEnterpriseGateway'],
      auto_termination_idle_minutes: 60,
      managed_scaling: { min: 2, max: 6 },
      tags: { 'cws:managed': 'true', 'cws:template': 'emr-spark-cluster', 'cws:data-buckets': 'lab-data' },
    });
    expect(cluster.log_uri).toMatch(/^s3:\/\/cws-tui-staging-\d+-us-east-1\/bigdata\/clusters\/hadoop\/$/);
    expect(cluster.usd_per_hour).toBeGreaterThan(0);

    const step = await runCommand(
      runBigdataCommand,
      ['cluster', 'step', 'hadoop', EXAMPLE_SPARK_SCRIPT],
      env,
      {
        args: ['s3://lab-data/raw/', 's3://lab-data/curated/'],
      },
    );
    expect(step.stdout).toMatch(/^Added step s-\S+ \(etl_csv_to_parquet-\d{8}T\d{6}Z\) to hadoop/);
    const steps = JSON.parse(
      (await runCommand(runBigdataCommand, ['cluster', 'steps', 'hadoop'], env, { json: true })).stdout,
    );
    expect(steps[0]).toMatchObject({ state: 'COMPLETED' });
    expect(steps[0].args.slice(0, 3)).toEqual(['spark-submit', '--deploy-mode', 'cluster']);

    const resized = await runCommand(runBigdataCommand, ['cluster', 'resize', 'hadoop'], env, { nodes: 4 });
    expect(resized.stdout).toContain("Resizing hadoop's core fleet to 4 spot nodes.");
    await expect(
      runCommand(runBigdataCommand, ['cluster', 'resize', 'hadoop'], env, { nodes: 9 }),
    ).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining('between 2 and 6') });

    const shown = await runCommand(runBigdataCommand, ['cluster', 'show', 'hadoop'], env);
    expect(shown.stdout).toMatch(/core fleet +m6g\.xlarge\|m7g\.xlarge: 0 on demand, 4 spot/);
    expect(shown.stdout).toMatch(/cost +\$\d+\.\d+\/h \(EC2 \+ EMR \+ EBS\)/);

    const cost = JSON.parse((await runCommand(runCostCommand, [], env, { json: true })).stdout);
    expect(cost.items.find((item: { name: string }) => item.name === 'hadoop')).toMatchObject({
      service: 'EMR on EC2',
    });

    await expect(
      runCommand(runBigdataCommand, ['cluster', 'terminate', 'hadoop'], env),
    ).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('add --yes'),
    });
    const ended = await runCommand(runBigdataCommand, ['cluster', 'terminate', 'hadoop'], env, { yes: true });
    expect(ended.stdout).toMatch(/^Terminating hadoop \(j-/);
  });

  it('refuses a bad name, an unknown release and a serverless template before anything is made', async () => {
    const env = testEnvironment();
    for (const [args, message] of [
      [['cluster', 'create', 'emr-spark-cluster', 'Bad_Name'], 'is not a cluster name'],
      [['cluster', 'create', 'spark-serverless', 'x'], 'is not an emr-cluster template'],
    ] as const)
      await expect(runCommand(runBigdataCommand, [...args], env)).rejects.toMatchObject({
        exitCode: 2,
        message: expect.stringContaining(message),
      });
    await expect(
      runCommand(runBigdataCommand, ['cluster', 'create', 'emr-spark-cluster', 'x'], env, {
        release: 'emr-7.99.0',
      }),
    ).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('EMR on EC2 has no release emr-7.99.0'),
    });
    const listed = await runCommand(runBigdataCommand, ['cluster', 'list'], env, { json: true });
    expect(JSON.parse(listed.stdout)).toEqual([]);
  });

  it("denies a cluster over the policy's vCPU cap at full scale (exit 3)", async () => {
    const env = testEnvironment();
    const policy = join(env.HOME!, 'policy.yaml');
    writeFileSync(policy, 'bigdata:\n  max_vcpus: 16\n');
    await runCommand(runProfilesCommand, ['create', 'lab'], env, {
      awsProfile: 'lab',
      region: 'us-east-1',
      policy,
    });
    await expect(
      runCommand(runBigdataCommand, ['cluster', 'create', 'emr-spark-cluster', 'big'], env, { demo: true }),
    ).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringContaining('a maximum capacity of 28 vCPU is above the 16'),
    });
  });
});
