import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAthenaCommand } from '../../source/commands/athenaCommand.js';
import { runCostCommand } from '../../source/commands/costCommand.js';
import { runDatabrewCommand } from '../../source/commands/databrewCommand.js';
import { runDataCommand } from '../../source/commands/dataCommand.js';
import { runProfilesCommand } from '../../source/commands/profilesCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

async function labEnvironment(services: string[]): Promise<NodeJS.ProcessEnv> {
  const env = testEnvironment();
  const policy = join(env.HOME ?? '', 'lab-policy.json');
  writeFileSync(
    policy,
    JSON.stringify({
      analytics: {
        services,
        results_location: 's3://cws-demo-lab/results/',
        databases: { allow: ['cws_*'] },
      },
    }),
  );
  await runCommand(runProfilesCommand, ['create', 'lab'], env, {
    awsProfile: 'lab',
    region: 'us-east-1',
    policy,
  });
  return env;
}

describe('data crawl on the demo account', () => {
  it('crawls a DataBrew output into a table Athena queries, then reuses the crawler', async () => {
    const env = await labEnvironment(['athena', 'databrew', 'glue']);
    await runCommand(
      runDatabrewCommand,
      ['dataset', 'create', 'weather', 's3://cws-demo-lab/raw/weather.csv'],
      env,
      { demo: true },
    );
    await runCommand(runDatabrewCommand, ['job', 'run', 'weather', 'clean'], env, { demo: true });
    const target = 's3://cws-demo-lab/results/databrew/cws-weather-clean/';

    const first = await runCommand(runDataCommand, ['crawl', target], env, { demo: true, yes: true });
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/Crawler: READY/);
    expect(first.stdout).toMatch(
      /^Crawler cws-crawl-cws-weather-clean-[0-9a-f]{10} \(created\): SUCCEEDED, 1 tables created, 0 updated, 45 s, 0\.167 DPU-hours, cost \$0\.0733\n/,
    );
    expect(first.stdout).toContain(`  cws_crawled.cws_weather_clean (4 columns) at ${target}\n`);

    const again = await runCommand(runDataCommand, ['crawl', target], env, { demo: true, yes: true });
    expect(again.stdout).toMatch(/\(reused\): SUCCEEDED, 0 tables created, 1 updated/);

    const sources = await runCommand(runDataCommand, ['sources'], env, { demo: true });
    expect(sources.stdout).toMatch(/cws_crawled\s+cws_weather_clean\s+4\s+48\.0 MiB/);
    const count = await runCommand(
      runAthenaCommand,
      ['query', 'SELECT count(*) FROM cws_crawled.cws_weather_clean'],
      env,
      { demo: true, output: 'csv' },
    );
    expect(count.stdout).toBe('_col0\n120\n');

    // Both crawls are in the unified cost report: one Glue line for the crawler.
    const cost = await runCommand(runCostCommand, [], env, { demo: true, json: true });
    const report = JSON.parse(cost.stdout) as {
      items: Array<{ id: string; service?: string; month_to_date: number }>;
    };
    const glueLine = report.items.find((item) => item.service === 'Glue');
    expect(glueLine?.id).toMatch(/^glue:us-east-1:cws-crawl-cws-weather-clean-/);
    expect(glueLine?.month_to_date).toBeCloseTo(0.15, 2);
  });

  it('reports a crawl the role cannot read as failed, with its log lines, exit 1', async () => {
    const env = await labEnvironment(['glue']);
    const result = await runCommand(runDataCommand, ['crawl', 's3://other-lab/raw/'], env, {
      demo: true,
      yes: true,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/\(created\): FAILED/);
    expect(result.stdout).toMatch(/Error: .*not authorized to perform: s3:ListBucket/);
    expect(result.stdout).toMatch(
      /Log \(\/aws-glue\/crawlers, cws-crawl-raw-[0-9a-f]{10}\):\n.*Running Start Crawl/,
    );
    expect(result.stdout).toMatch(/AmazonS3Exception: Access Denied/);
  });

  it('is denied (exit 3) by a policy that does not list glue, and refuses a file (exit 2)', async () => {
    const env = await labEnvironment(['athena', 'databrew']);
    await expect(
      runCommand(runDataCommand, ['crawl', 's3://cws-demo-lab/raw/'], env, { demo: true, yes: true }),
    ).rejects.toMatchObject({ exitCode: 3, message: expect.stringMatching(/does not allow glue/) });
    await expect(
      runCommand(runDataCommand, ['crawl', 's3://cws-demo-lab/raw/weather.csv'], env, {
        demo: true,
        yes: true,
      }),
    ).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/names a file.*\n.*s3:\/\/cws-demo-lab\/raw\//s),
    });
    await expect(
      runCommand(runDataCommand, ['crawl', 's3://cws-demo-lab/raw/'], env, {
        demo: true,
        yes: true,
        database: 'Bad-Name',
      }),
    ).rejects.toMatchObject({ exitCode: 2 });
  });
});
