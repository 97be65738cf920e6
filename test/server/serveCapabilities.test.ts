import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runBigdataCommand } from '../../source/commands/bigdataCommand.js';
import { runHpcCommand } from '../../source/commands/hpcCommand.js';
import { runCommand, testEnvironment } from '../commands/commandHarness.js';
import { type ApiResponse, call } from './apiClient.js';
import { openApiValidator } from './openApiValidator.js';
import { startServe } from './serveHarness.js';

const EXAMPLE = join(import.meta.dirname, '../../templates/bigdata/etl_csv_to_parquet.py');

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

/** serve on the demo account; every response is checked against the OpenAPI document. */
async function served(env: NodeJS.ProcessEnv) {
  const { service, target } = await startServe(env);
  closers.push(() => service.close());
  const document = (await call(target, 'GET', '/v1/openapi.json')).json as Parameters<
    typeof openApiValidator
  >[0];
  const validate = openApiValidator(document);
  return async (method: string, path: string, options?: Parameters<typeof call>[3]): Promise<ApiResponse> => {
    const response = await call(target, method, path, options);
    validate(method, path, response);
    return response;
  };
}

const cli = async (
  run: Parameters<typeof runCommand>[0],
  args: string[],
  env: NodeJS.ProcessEnv,
  flags: Parameters<typeof runCommand>[3] = {},
) => JSON.parse((await runCommand(run, args, env, { ...flags, demo: true, json: true })).stdout) as unknown;

describe('cws-tui serve for the newer capabilities (demo account)', () => {
  it('lists clusters, submits a job script, reads the queue and the history, cancels as hpc does', async () => {
    const env = testEnvironment();
    await runCommand(runHpcCommand, ['create', 'lab'], env, {
      demo: true,
      template: 'slurm-small',
      yes: true,
    });
    const checked = await served(env);

    const clusters = await checked('GET', '/v1/clusters');
    expect(clusters.status).toBe(200);
    expect(clusters.json).toEqual(await cli(runHpcCommand, ['list'], env));
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

    const history = await checked('GET', '/v1/clusters/lab/history?since=1d');
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
    expect(history.json).toEqual(await cli(runHpcCommand, ['history', 'lab'], env, { since: '1d' }));
    expect((await checked('GET', '/v1/clusters/lab/jobs?state=RUNNING')).json).toEqual(
      await cli(runHpcCommand, ['jobs', 'lab'], env, { state: 'RUNNING' }),
    );

    const unknownJob = await checked('DELETE', '/v1/clusters/lab/jobs/99');
    expect(unknownJob.status).toBe(422);
    expect(unknownJob.json).toMatchObject({ error: { message: expect.stringContaining('Invalid job id') } });
    const badBody = await checked('POST', '/v1/clusters/lab/jobs', { body: { script: '' } });
    expect(badBody.status).toBe(400);
  });

  it('lists Spark applications, submits a script, lists runs and reads their logs as bigdata does', async () => {
    const env = testEnvironment();
    await runCommand(runBigdataCommand, ['create', 'spark-serverless', 'etl'], env, { demo: true });
    const checked = await served(env);

    const applications = await checked('GET', '/v1/spark/applications');
    expect(applications.json).toEqual(await cli(runBigdataCommand, ['list'], env));
    expect((await checked('GET', '/v1/spark/applications/etl')).json).toMatchObject({
      name: 'etl',
      release_label: 'emr-7.5.0',
    });

    const { readFile } = await import('node:fs/promises');
    const submitted = await checked('POST', '/v1/spark/applications/etl/runs', {
      body: {
        script: await readFile(EXAMPLE, 'utf8'),
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
    expect(runs.json).toEqual(await cli(runBigdataCommand, ['runs', 'etl'], env));
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
});
