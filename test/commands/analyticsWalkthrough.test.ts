import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAthenaCommand } from '../../source/commands/athenaCommand.js';
import { runCodecatalystCommand } from '../../source/commands/codecatalystCommand.js';
import { runCostCommand } from '../../source/commands/costCommand.js';
import { runDatabrewCommand } from '../../source/commands/databrewCommand.js';
import { runProfilesCommand } from '../../source/commands/profilesCommand.js';
import { runQuicksightCommand } from '../../source/commands/quicksightCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

/**
 * The README's analytics walk-through on the demo account, as far as it is built: the lab's policy
 * names the results prefix and a per-query limit, the researcher queries the sample tables with
 * Athena, sees each query's cost, and finds the charges in the unified cost report.
 */
describe('analytics walk-through on the demo account', () => {
  it('queries with Athena, is stopped at the limit, and sees every charge in the cost report', async () => {
    const env = testEnvironment();
    const policy = join(env.HOME ?? '', 'lab-policy.json');
    writeFileSync(
      policy,
      JSON.stringify({
        analytics: {
          services: ['athena', 'databrew', 'quicksight', 'codecatalyst'],
          results_location: 's3://cws-demo-lab/results/',
          max_bytes_per_query: 10 * 1024 ** 3,
          databases: { allow: ['cws_*'] },
        },
      }),
    );
    await runCommand(runProfilesCommand, ['create', 'lab'], env, {
      awsProfile: 'lab',
      region: 'us-east-1',
      policy,
    });
    const flags = { demo: true, database: 'cws_samples' };

    // Prepare the raw file with DataBrew: a dataset, the shipped clean recipe, its job run.
    const dataset = await runCommand(
      runDatabrewCommand,
      ['dataset', 'create', 'weather', 's3://cws-demo-lab/raw/weather.csv'],
      env,
      { demo: true },
    );
    expect(dataset.stdout).toMatch(/Dataset weather: CSV from s3:\/\/cws-demo-lab\/raw\/weather.csv/);
    const started = await runCommand(runDatabrewCommand, ['job', 'run', 'weather', 'clean'], env, {
      demo: true,
    });
    expect(started.stdout).toMatch(/Output: s3:\/\/cws-demo-lab\/results\/databrew\/cws-weather-clean\//);
    const shown = await runCommand(runDatabrewCommand, ['job', 'show', 'cws-weather-clean'], env, {
      demo: true,
    });
    expect(shown.stdout).toMatch(/SUCCEEDED, 1m05s, 2 nodes, 0\.067 node-hours, cost \$0\.0320/);

    const spend = await runCommand(
      runAthenaCommand,
      ['query', 'SELECT project, sum(usd) AS usd FROM lab_spend GROUP BY project ORDER BY usd DESC'],
      env,
      { ...flags, output: 'csv' },
    );
    expect(spend.stdout.split('\n')[0]).toBe('project,usd');
    expect(spend.stdout.trim().split('\n')).toHaveLength(4);
    expect(spend.stderr).toMatch(/3 rows\. Data scanned: 1\.5 MiB, cost \$0\.000048/);

    const weather = await runCommand(runAthenaCommand, ['query', 'SELECT * FROM weather_daily'], env, flags);
    expect(weather.stdout).toMatch(/120 rows\. Data scanned: 48\.0 MiB, cost \$0\.000229/);

    await expect(
      runCommand(runAthenaCommand, ['query', 'SELECT * FROM sensor_events'], env, flags),
    ).rejects.toThrow(/cancelled query .* at the workgroup's limit/);

    // Chart it in QuickSight: without a subscription it says so with the cost; with one, the link.
    const none = await runCommand(runQuicksightCommand, ['status'], env, { demo: true });
    expect(none.stdout).toMatch(/not subscribed .*\n.*\$24 per author/);
    writeFileSync(join(env.CWS_STATE_DIR ?? '', 'demo-quicksight-on'), '');
    const status = await runCommand(runQuicksightCommand, ['status'], env, { demo: true });
    expect(status.stdout).toMatch(/ENTERPRISE edition, active/);
    expect(status.stdout).toMatch(/\$30\.00 per month/);
    const made = await runCommand(runQuicksightCommand, ['create', 'quicksight-analytics'], env, {
      demo: true,
      yes: true,
    });
    expect(made.stdout).toMatch(/Dashboard cws-lab-spend: created/);
    const link = await runCommand(runQuicksightCommand, ['connect', 'cws-lab-spend'], env, { demo: true });
    expect(link.stdout).toMatch(/embed URL/);
    expect(link.stdout).toContain(
      'https://us-east-1.quicksight.aws.amazon.com/embed/demo/dashboards/cws-lab-spend',
    );

    // CodeCatalyst, for a space that exists: said to be closed to new customers, then listed.
    const spaces = await runCommand(runCodecatalystCommand, ['spaces'], env, { demo: true });
    expect(spaces.stderr).toMatch(/closed CodeCatalyst to new customers in November 2025/);
    expect(spaces.stdout).toMatch(/^cws-demo-space\s+us-west-2/);
    const devenvs = await runCommand(
      runCodecatalystCommand,
      ['devenvs', 'cws-demo-space', 'climate-analysis'],
      env,
      {
        demo: true,
      },
    );
    expect(devenvs.stdout).toMatch(/notebook-env\s+STOPPED/);

    const cost = await runCommand(runCostCommand, [], env, { demo: true, json: true });
    const report = JSON.parse(cost.stdout) as {
      items: Array<{ id: string; service?: string; month_to_date: number }>;
    };
    const athenaLine = report.items.find((item) => item.id === 'athena:us-east-1:cws-lab');
    expect(athenaLine?.service).toBe('Athena');
    // 10 MB minimum for the small scan, 48 MiB, and the 10 GiB + 1 MiB the cancelled query scanned.
    const expected = ((10 + 48 + 10 * 1024 + 1) / 1024 ** 2) * 5;
    expect(athenaLine?.month_to_date).toBeCloseTo(Number(expected.toFixed(2)), 2);
    const brewLine = report.items.find((item) => item.id === 'databrew:us-east-1:cws-weather-clean');
    expect(brewLine?.service).toBe('DataBrew');
    // 65 s bills 2 minutes on 2 nodes at $0.48 per node-hour.
    expect(brewLine?.month_to_date).toBeCloseTo(0.03, 2);
    expect(report.items.find((item) => item.service === 'QuickSight')).toBeDefined();
  });
});
