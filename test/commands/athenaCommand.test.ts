import { describe, expect, it } from 'vitest';
import { runAthenaCommand } from '../../source/commands/athenaCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';
import { labProfileUnderPolicy } from './labProfileUnderPolicy.js';

const TEN_GB = 10 * 1024 ** 3;

/** A demo profile whose policy names the lab's results prefix and a 10 GB per-query limit. */
async function labEnvironment(analytics: Record<string, unknown> = {}): Promise<NodeJS.ProcessEnv> {
  return labProfileUnderPolicy({
    analytics: {
      results_location: 's3://cws-demo-lab/results/',
      max_bytes_per_query: TEN_GB,
      ...analytics,
    },
  });
}

const athena = (env: NodeJS.ProcessEnv, args: string[], flags: Record<string, unknown> = {}) =>
  runCommand(runAthenaCommand, args, env, { demo: true, ...flags });

describe('athena on the demo account', () => {
  it('runs a shipped example query, prints its rows, the data scanned and the cost', async () => {
    const env = await labEnvironment();
    const sql =
      'SELECT service, round(sum(usd), 2) AS usd FROM cws_samples.lab_spend GROUP BY service ORDER BY usd DESC';
    const result = await athena(env, ['query', sql]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^SERVICE\s+USD\n/);
    expect(result.stdout).toMatch(
      /5 rows\. Data scanned: 1.5 MiB, cost \$0\.000048 \(Athena \$5 per TB, 10 MB minimum\)/,
    );
    expect(result.stdout).toContain('in workgroup cws-lab');
    const again = await athena(env, ['query', sql]);
    expect(again.stdout.split('\n').slice(0, 6)).toEqual(result.stdout.split('\n').slice(0, 6));
  });

  it('writes CSV and JSON lines on stdout and the cost on stderr', async () => {
    const env = await labEnvironment();
    const csv = await athena(env, ['query', 'SELECT station, tmax_c FROM weather_daily LIMIT 3'], {
      output: 'csv',
    });
    expect(csv.stdout.split('\n')).toHaveLength(5);
    expect(csv.stdout).toMatch(/^station,tmax_c\nUSW00094728,\d+\.\d\n/);
    expect(csv.stderr).toMatch(/3 rows\. Data scanned: 24.0 MiB/);
    const json = await athena(env, ['query', 'SELECT count(*) FROM weather_daily'], { output: 'json' });
    expect(JSON.parse(json.stdout)).toEqual({ _col0: '120' });
    await expect(athena(env, ['query', 'SELECT 1'], { output: 'xml' })).rejects.toMatchObject({
      exitCode: 2,
    });
  });

  it('shows a SQL error with its line and column and a caret', async () => {
    const env = await labEnvironment();
    const sql = 'SELECT station,\n       tmax\nFROM weather_daily';
    await expect(athena(env, ['query', sql])).rejects.toMatchObject({
      exitCode: 1,
      message: expect.stringMatching(
        /failed: SYNTAX_ERROR: line 2:8: Column 'tmax' cannot be resolved\n {2}line 2, column 8:\n {4}\s+tmax\n {4} {7}\^/,
      ),
    });
  });

  it('reports a query over the workgroup limit as cancelled by Athena, with the bytes it scanned', async () => {
    const env = await labEnvironment();
    await expect(athena(env, ['query', 'SELECT * FROM sensor_events'])).rejects.toMatchObject({
      exitCode: 1,
      message: expect.stringMatching(
        /cancelled query .* at the workgroup's limit of 10.0 GiB per query[\s\S]*Data scanned: 10.0 GiB, cost \$0\.05/,
      ),
    });
    const history = await athena(env, ['history']);
    expect(history.stdout).toMatch(/CANCELLED\s+10.0 GiB\s+\$0\.0488/);
  });

  it('refuses without a results location in a policy that governs analytics, and a database the policy does not allow (exit 3)', async () => {
    const silent = await labEnvironment({ results_location: undefined });
    await expect(athena(silent, ['query', 'SELECT 1'])).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringMatching(/analytics\.results_location/),
    });
    // Without an institutional policy: the account's default results bucket (the demo's lab bucket).
    const own = await athena(testEnvironment(), ['workgroup']);
    expect(own.stdout).toMatch(
      /^Workgroup cws-\S+: results in s3:\/\/cws-demo-lab\/results\/athena\/cws-\S+\/ \(encrypted, enforced\), no per-query limit/,
    );
    const limited = await labEnvironment({ databases: { allow: ['genomics_*'] } });
    await expect(
      athena(limited, ['query', 'SELECT * FROM lab_spend'], { database: 'cws_samples' }),
    ).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringMatching(
        /the database 'cws_samples' matches none of the allowed patterns \(genomics_\*\)/,
      ),
    });
  });

  it('refuses a named workgroup that does not enforce the policy limit, and cancels only running queries', async () => {
    const env = await labEnvironment();
    await expect(athena(env, ['query', 'SELECT 1'], { workgroup: 'primary' })).rejects.toMatchObject({
      exitCode: 2,
    });
    const done = await athena(env, ['query', 'SELECT count(*) FROM lab_spend']);
    const id = /Query (\S+) in workgroup/.exec(done.stdout)?.[1] ?? '';
    await expect(athena(env, ['cancel', id])).rejects.toThrow(/already finished \(SUCCEEDED\)/);
    const workgroup = await athena(env, ['workgroup']);
    expect(workgroup.stdout).toBe(
      'Workgroup cws-lab: results in s3://cws-demo-lab/results/athena/cws-lab/ (encrypted, enforced), cancels a query past 10.0 GiB scanned.\n',
    );
  });
});
