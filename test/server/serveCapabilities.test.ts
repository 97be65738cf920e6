import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAthenaCommand } from '../../source/commands/athenaCommand.js';
import { runBigdataCommand } from '../../source/commands/bigdataCommand.js';
import { runHpcCommand } from '../../source/commands/hpcCommand.js';
import { runMarketplaceCommand } from '../../source/commands/marketplaceCommand.js';
import { runStorageCommand } from '../../source/commands/storageCommand.js';
import { runCommand, testEnvironment } from '../commands/commandHarness.js';
import { labProfileUnderPolicy } from '../commands/labProfileUnderPolicy.js';
import { EXAMPLE_SPARK_SCRIPT } from '../core/bigdata/exampleSparkScript.js';
import { cliJson, startCheckedServe } from './serveHarness.js';

describe('cws-tui serve for the newer capabilities (demo account)', () => {
  it('lists clusters, submits a job script, reads the queue and the history, cancels as hpc does', async () => {
    const env = testEnvironment();
    await runCommand(runHpcCommand, ['create', 'lab'], env, {
      demo: true,
      template: 'slurm-small',
      yes: true,
    });
    const { checked } = await startCheckedServe(env);

    const clusters = await checked('GET', '/v1/clusters');
    expect(clusters.status).toBe(200);
    expect(clusters.json).toEqual(await cliJson(runHpcCommand, ['list'], env));
    expect((await checked('GET', '/v1/clusters/lab')).json).toMatchObject({
      name: 'lab',
      status: 'CREATE_COMPLETE',
    });
    const missing = await checked('GET', '/v1/clusters/nope');
    expect(missing.status).toBeGreaterThanOrEqual(400);
    expect(missing.json).toMatchObject({ error: { message: expect.stringContaining('nope') } });

    const submitted = await checked('POST', '/v1/clusters/lab/jobs', {
      body: {
        script: '#!/bin/bash\n#SBATCH --array=1-3\necho hi\n',
        file_name: 'array.sbatch',
        partition: 'cpu',
        sbatch_args: ['--job-name=sweep'],
      },
    });
    expect(submitted.status).toBe(201);
    expect(submitted.json).toEqual({ cluster: 'lab', job_id: '1' });

    const since = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const history = await checked('GET', `/v1/clusters/lab/history?since=${since}`);
    expect(
      (history.json as { jobs: Array<{ job_id: string; name: string }> }).jobs.map((job) => [
        job.job_id,
        job.name,
      ]),
    ).toEqual([
      ['1_1', 'sweep'],
      ['1_2', 'sweep'],
      ['1_3', 'sweep'],
    ]);
    expect(history.json).toEqual(await cliJson(runHpcCommand, ['history', 'lab'], env, { since }));
    expect((await checked('GET', '/v1/clusters/lab/jobs?state=RUNNING')).json).toEqual(
      await cliJson(runHpcCommand, ['jobs', 'lab'], env, { state: 'RUNNING' }),
    );

    const unknownJob = await checked('DELETE', '/v1/clusters/lab/jobs/99');
    expect(unknownJob.status).toBe(422);
    // scancel's own refusal, as the CLI prints it: the first line the message, the rest the hint.
    expect(unknownJob.json).toMatchObject({
      error: {
        message: expect.stringContaining('scancel 99 failed'),
        hint: expect.stringContaining('Invalid job id'),
      },
    });
    const badBody = await checked('POST', '/v1/clusters/lab/jobs', { body: { script: '' } });
    expect(badBody.status).toBe(400);

    // A change through the API is audited with its caller, as every mutation route is.
    const audit = (await readFile(join(String(env.CWS_STATE_DIR), 'audit.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(audit).toContainEqual(
      expect.objectContaining({
        action: 'api-request',
        route: '/v1/clusters/:name/jobs',
        outcome: 'done',
        caller: { via: 'socket', uid: process.getuid?.() },
      }),
    );
  });

  it('lists Spark applications, submits a script, lists runs and reads their logs as bigdata does', async () => {
    const env = testEnvironment();
    await runCommand(runBigdataCommand, ['create', 'spark-serverless', 'etl'], env, { demo: true });
    const { checked } = await startCheckedServe(env);

    const applications = await checked('GET', '/v1/spark/applications');
    expect(applications.json).toEqual(await cliJson(runBigdataCommand, ['list'], env));
    expect((await checked('GET', '/v1/spark/applications/etl')).json).toMatchObject({
      name: 'etl',
      release_label: 'emr-7.5.0',
    });

    const submitted = await checked('POST', '/v1/spark/applications/etl/runs', {
      body: {
        script: await readFile(EXAMPLE_SPARK_SCRIPT, 'utf8'),
        file_name: 'etl_csv_to_parquet.py',
        args: ['s3://lab-data/raw/', 's3://lab-data/curated/'],
        buckets: ['lab-data'],
      },
    });
    expect(submitted.status).toBe(201);
    const run = submitted.json as { run_id: string; name: string; application: string };
    expect(run.application).toBe('etl');
    expect(run.name).toMatch(/^etl_csv_to_parquet-\d{8}T\d{6}Z$/);

    const runs = await checked('GET', '/v1/spark/applications/etl/runs');
    expect(runs.json).toEqual(await cliJson(runBigdataCommand, ['runs', 'etl'], env));
    expect(runs.json).toEqual([
      expect.objectContaining({
        id: run.run_id,
        arguments: ['s3://lab-data/raw/', 's3://lab-data/curated/'],
      }),
    ]);
    const logs = await checked('GET', `/v1/spark/applications/etl/runs/${run.run_id}/logs`);
    expect(logs.json).toMatchObject({ run: { id: run.run_id }, logs: { notes: expect.any(Array) } });

    const both = await checked('POST', '/v1/spark/applications/etl/runs', {
      body: { entry: 's3://lab-data/job.py', script: 'print(1)' },
    });
    expect(both.status).toBe(400);
    const unknownRun = await checked('DELETE', '/v1/spark/applications/etl/runs/00nope');
    expect(unknownRun.status).toBeGreaterThanOrEqual(400);
  });

  it('lists EMR clusters and their steps as bigdata cluster does', async () => {
    const env = testEnvironment();
    await runCommand(runBigdataCommand, ['cluster', 'create', 'emr-spark-cluster', 'hadoop'], env, {
      demo: true,
    });
    await runCommand(runBigdataCommand, ['cluster', 'step', 'hadoop', EXAMPLE_SPARK_SCRIPT], env, {
      demo: true,
    });
    const { checked } = await startCheckedServe(env);
    const clusters = await checked('GET', '/v1/emr/clusters');
    expect(clusters.json).toEqual(await cliJson(runBigdataCommand, ['cluster', 'list'], env));
    expect(clusters.json).toEqual([expect.objectContaining({ name: 'hadoop', state: 'WAITING' })]);
    const steps = await checked('GET', '/v1/emr/clusters/hadoop/steps');
    expect(steps.json).toEqual([expect.objectContaining({ state: 'COMPLETED' })]);
    expect((await checked('GET', '/v1/emr/clusters/nope/steps')).status).toBeGreaterThanOrEqual(400);
  });

  it('creates, lists and deletes FSx file systems as storage does, refusing bad sizes and an unconfirmed delete', async () => {
    const env = testEnvironment();
    const { checked } = await startCheckedServe(env);
    const refused = await checked('POST', '/v1/storage/fsx', {
      body: { name: 'scratch', type: 'lustre', capacity: '3000' },
    });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({
      error: { message: expect.stringContaining('nearest 2400 GiB or 4800 GiB') },
    });
    expect((await checked('GET', '/v1/storage/fsx')).json).toEqual([]);

    const created = await checked('POST', '/v1/storage/fsx', {
      body: {
        name: 'scratch',
        type: 'lustre',
        deployment: 'persistent2',
        capacity: '2400',
        throughput: '250',
        s3: 's3://lab-data/runs',
        import: true,
      },
    });
    expect(created.status).toBe(201);
    const fs = created.json as { id: string; name: string };
    expect(created.json).toMatchObject({ name: 'scratch', state: 'available', monthly_usd: 504 });
    const listed = await checked('GET', '/v1/storage/fsx');
    expect(listed.json).toEqual(
      ((await cliJson(runStorageCommand, ['list'], env)) as { fsx: unknown[] }).fsx,
    );
    expect(listed.json).toEqual([expect.objectContaining({ id: fs.id, mounted_by: [] })]);

    const unconfirmed = await checked('DELETE', `/v1/storage/fsx/${fs.id}?confirm=other`);
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.json).toMatchObject({
      error: { code: 'confirmation_required', message: expect.stringContaining('?confirm=scratch') },
    });
    const deleted = await checked('DELETE', `/v1/storage/fsx/${fs.id}?confirm=scratch`);
    expect(deleted.json).toEqual({ deleted: fs.id, region: 'us-east-1', mounted_by: [] });
    expect((await checked('DELETE', '/v1/storage/fsx/fs-1')).status).toBe(400);
  });

  it('runs Athena queries, lists them with their cost, refuses a finished cancel, and answers 403 to a policy denial', async () => {
    const env = testEnvironment();
    const { checked } = await startCheckedServe(env);
    const rows = await checked('POST', '/v1/queries', {
      body: { sql: 'SELECT count(*) FROM weather_daily' },
    });
    expect(rows.status).toBe(200);
    expect(rows.json).toEqual([{ _col0: '120' }]);
    const three = await checked('POST', '/v1/queries', {
      body: { sql: 'SELECT station, tmax_c FROM weather_daily LIMIT 3' },
    });
    expect(three.json).toHaveLength(3);

    const history = await checked('GET', '/v1/queries');
    expect(history.json).toEqual(await cliJson(runAthenaCommand, ['history'], env));
    const [latest] = history.json as Array<{ id: string; state: string; cost_usd: number }>;
    expect(latest).toMatchObject({ state: 'SUCCEEDED', cost_usd: expect.any(Number) });
    const finished = await checked('DELETE', `/v1/queries/${latest?.id}`);
    expect(finished.status).toBe(422);
    expect(finished.json).toMatchObject({ error: { message: expect.stringContaining('already finished') } });
    expect((await checked('POST', '/v1/queries', { body: { sql: 'SELECT 1', limit: 3 } })).status).toBe(400);

    const lab = await labProfileUnderPolicy({ analytics: { max_bytes_per_query: 1024 ** 3 } });
    const { checked: governed } = await startCheckedServe(lab, { flags: { profile: 'lab' } });
    const denied = await governed('POST', '/v1/queries', { body: { sql: 'SELECT 1' } });
    expect(denied.status).toBe(403);
    expect(denied.json).toMatchObject({
      error: { code: 'policy_denied', message: expect.stringContaining('analytics.results_location') },
    });
  });

  it('searches, shows, installs and rates marketplace templates as marketplace does; a non-approver review is denied', async () => {
    const env = testEnvironment();
    const { checked } = await startCheckedServe(env);
    const found = await checked('GET', '/v1/marketplace?q=rna');
    expect(found.json).toEqual(await cliJson(runMarketplaceCommand, ['search', 'rna'], env));
    expect((found.json as Array<{ entry: { slug: string } }>).map((listing) => listing.entry.slug)).toEqual([
      'rnaseq-pipeline',
    ]);
    const shown = await checked('GET', '/v1/marketplace/rnaseq-pipeline?version=1.1.0');
    expect(shown.json).toMatchObject({
      registry: 'demo-lab',
      releases: [{ version: '1.1.0', status: 'approved' }],
      reviews: expect.arrayContaining([expect.objectContaining({ user: 'mchen', version: '1.1.0' })]),
    });
    expect((await checked('GET', '/v1/marketplace/no-such-template')).status).toBe(404);

    const installed = await checked('POST', '/v1/marketplace/rnaseq-pipeline/install', { body: {} });
    expect(installed.status).toBe(201);
    expect(installed.json).toMatchObject({
      slug: 'rnaseq-pipeline',
      version: '1.1.0',
      registry: 'demo-lab',
      publisher: 'Genomics Core',
      review: { decision: 'approve', approver: 'Research Computing' },
    });
    const rated = await checked('POST', '/v1/marketplace/rnaseq-pipeline/1.1.0/rating', {
      body: { stars: 4, text: 'works' },
    });
    expect(rated.json).toMatchObject({ slug: 'rnaseq-pipeline', version: '1.1.0', stars: 4, text: 'works' });
    expect(
      (await checked('POST', '/v1/marketplace/rnaseq-pipeline/1.1.0/rating', { body: { stars: 9 } })).status,
    ).toBe(400);
    const review = await checked('POST', '/v1/marketplace/rnaseq-pipeline/1.1.0/review', {
      body: { decision: 'approve', reason: 'looks fine' },
    });
    expect(review.status).toBeGreaterThanOrEqual(400);
    expect(review.json).toMatchObject({ error: { message: expect.any(String) } });
  });
});
