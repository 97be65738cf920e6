import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DemoAnalyticsStore } from '../../../../source/aws/demo/analytics/DemoAnalyticsStore.js';
import { DemoDataBrew } from '../../../../source/aws/demo/analytics/DemoDataBrew.js';

const tags = { 'cws:profile': 'lab' };

async function setUp(uri: string) {
  let now = Date.parse('2026-12-06T09:00:00Z');
  const brew = new DemoDataBrew(new DemoAnalyticsStore(mkdtempSync(join(tmpdir(), 'brew-'))), 1, () => now);
  await brew.createDataset('us-east-1', { name: 'sales', format: 'EXCEL', s3_uri: uri, tags });
  await brew.ensureJob('us-east-1', {
    name: 'cws-sales-profile',
    type: 'PROFILE',
    dataset: 'sales',
    output_uri: 's3://cws-demo-lab/results/databrew/cws-sales-profile/',
    role_arn: 'arn:aws:iam::000000000000:role/cws-databrew',
    max_nodes: 2,
    tags,
  });
  const runId = await brew.startJobRun('us-east-1', 'cws-sales-profile');
  return { brew, runId, advance: (seconds: number) => (now += seconds * 1000) };
}

describe('DataBrew on the demo account', () => {
  it('moves a run from STARTING through RUNNING to SUCCEEDED by the clock', async () => {
    const { brew, runId, advance } = await setUp('s3://cws-demo-lab/raw/sales.xlsx');
    const state = async () => (await brew.getJobRun('us-east-1', 'cws-sales-profile', runId)).state;
    expect(await state()).toBe('STARTING');
    advance(10);
    expect(await state()).toBe('RUNNING');
    advance(60);
    const done = await brew.getJobRun('us-east-1', 'cws-sales-profile', runId);
    expect(done).toMatchObject({ state: 'SUCCEEDED', execution_seconds: 65, nodes: 2 });
  });

  it('fails a run whose file is not in the demo bucket, with the reason', async () => {
    const { brew, runId, advance } = await setUp('s3://someone-else/sales.xlsx');
    advance(10);
    const run = await brew.getJobRun('us-east-1', 'cws-sales-profile', runId);
    expect(run.state).toBe('FAILED');
    expect(run.error).toMatch(/s3:\/\/someone-else\/sales.xlsx not found/);
  });

  it('refuses a job on a dataset that does not exist', async () => {
    const { brew } = await setUp('s3://cws-demo-lab/raw/sales.xlsx');
    await expect(
      brew.ensureJob('us-east-1', {
        name: 'x',
        type: 'RECIPE',
        dataset: 'nope',
        recipe: 'cws-clean',
        output_uri: 's3://cws-demo-lab/out/',
        role_arn: 'arn:aws:iam::000000000000:role/cws-databrew',
        max_nodes: 2,
        tags,
      }),
    ).rejects.toThrow(/dataset nope does not exist/);
  });
});
