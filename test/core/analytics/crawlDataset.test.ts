import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DemoAnalyticsStore } from '../../../source/aws/demo/analytics/DemoAnalyticsStore.js';
import { DemoDataCatalog } from '../../../source/aws/demo/analytics/DemoDataCatalog.js';
import { demoDataPrep } from '../../../source/aws/demo/analytics/demoDataPrep.js';
import { crawlDataset, crawlerNameFor } from '../../../source/core/analytics/crawlDataset.js';

function demo() {
  const store = new DemoAnalyticsStore(mkdtempSync(join(tmpdir(), 'cws-crawl-')));
  let clock = Date.UTC(2026, 11, 6, 7, 0, 0);
  const now = () => clock;
  return {
    dataprep: demoDataPrep(store, 1, now),
    catalog: new DemoDataCatalog(store, 1, now),
    // A poll's wait moves the demo clock instead of sleeping.
    sleep: async (ms: number) => {
      clock += ms;
    },
  };
}

const request = {
  region: 'us-east-1',
  s3_target: 's3://cws-demo-lab/samples/weather_daily/',
  database: 'cws_crawled',
  tags: { 'cws:profile': 'lab' },
};

describe('crawlDataset on the demo account, at realistic pace', () => {
  it('follows the crawler through RUNNING and STOPPING to READY and reports the new table', async () => {
    const { dataprep, catalog, sleep } = demo();
    const states: string[] = [];
    const report = await crawlDataset(dataprep, catalog, {}, request, {
      sleep,
      intervalMs: 5_000,
      timeoutMs: 600_000,
      onState: (state) => states.push(state),
    });
    expect(states).toEqual(['RUNNING', 'STOPPING', 'READY']);
    expect(report).toMatchObject({
      crawler: crawlerNameFor('cws_crawled', request.s3_target),
      created: true,
      outcome: 'SUCCEEDED',
      metrics: { tables_created: 1, tables_updated: 0, last_runtime_seconds: 45 },
    });
    expect(report.tables.map((t) => `${t.database}.${t.name}`)).toEqual(['cws_crawled.weather_daily']);
    expect(await catalog.listDatabases('us-east-1')).toContainEqual({
      name: 'cws_crawled',
      description: 'tables crawled by cws-tui',
    });
  });

  it('follows a crawl already under way rather than starting a second, and gives up at the timeout', async () => {
    const { dataprep, catalog, sleep } = demo();
    const name = crawlerNameFor('cws_crawled', request.s3_target);
    await dataprep.glue.createCrawler('us-east-1', {
      ...request,
      name,
      s3_target: request.s3_target,
      role_arn: 'r',
    });
    expect(await dataprep.glue.startCrawler('us-east-1', name)).toBe('started');
    expect(await dataprep.glue.startCrawler('us-east-1', name)).toBe('already-running');
    const shortWait = await crawlDataset(dataprep, catalog, {}, request, {
      sleep,
      intervalMs: 5_000,
      timeoutMs: 10_000,
    });
    expect(shortWait.outcome).toBe('TIMED-OUT');
    const report = await crawlDataset(dataprep, catalog, {}, request, {
      sleep,
      intervalMs: 5_000,
      timeoutMs: 600_000,
    });
    expect(report).toMatchObject({ created: false, outcome: 'SUCCEEDED', metrics: { tables_created: 1 } });
  });

  it('is denied by a policy whose analytics services leave out glue, before anything is made', async () => {
    const { dataprep, catalog, sleep } = demo();
    await expect(
      crawlDataset(dataprep, catalog, { analytics: { services: ['athena'] } }, request, {
        sleep,
        intervalMs: 5_000,
        timeoutMs: 600_000,
      }),
    ).rejects.toMatchObject({ kind: 'denied', message: expect.stringMatching(/does not allow glue/) });
    expect(
      await dataprep.glue.getCrawler('us-east-1', crawlerNameFor('cws_crawled', request.s3_target)),
    ).toBeUndefined();
  });
});
