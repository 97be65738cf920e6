import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDatabrewCommand } from '../../source/commands/databrewCommand.js';
import { runProfilesCommand } from '../../source/commands/profilesCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

async function lab(analytics: Record<string, unknown>): Promise<NodeJS.ProcessEnv> {
  const env = testEnvironment();
  const policy = join(env.HOME ?? '', 'lab-policy.json');
  writeFileSync(
    policy,
    JSON.stringify({ analytics: { results_location: 's3://cws-demo-lab/results/', ...analytics } }),
  );
  await runCommand(runProfilesCommand, ['create', 'lab'], env, {
    awsProfile: 'lab',
    region: 'us-east-1',
    policy,
  });
  return env;
}

const brew = (env: NodeJS.ProcessEnv, ...args: string[]) =>
  runCommand(runDatabrewCommand, args, env, { demo: true });

describe('databrew jobs on the demo account: role, bucket check and logs', () => {
  it('reads the run’s log lines from CloudWatch Logs', async () => {
    const env = await lab({ services: ['databrew'] });
    await brew(env, 'dataset', 'create', 'weather', 's3://cws-demo-lab/raw/weather.csv');
    const started = await brew(env, 'job', 'run', 'weather', 'dedupe');
    expect(started.stdout).toMatch(/Started recipe job .* cws-weather-dedupe/);
    const logs = await brew(env, 'job', 'logs', 'cws-weather-dedupe');
    expect(logs.stdout).toMatch(/^Run db_[0-9a-f]{24} of cws-weather-dedupe: SUCCEEDED/);
    expect(logs.stdout).toMatch(
      /Log \(\/aws-glue-databrew\/jobs\):\n {2}\S+ \S+ Job run started: reading the dataset\n {2}\S+ \S+ Applying the recipe steps\n {2}\S+ \S+ Wrote the output; job run succeeded\n$/,
    );
  });

  it('refuses to run a job whose role cannot read the dataset’s bucket, saying which and why, and makes no job', async () => {
    const env = await lab({ services: ['databrew'] });
    await brew(env, 'dataset', 'create', 'shared', 's3://partner-lab/exports/shared.csv');
    const refused = await brew(env, 'job', 'run', 'shared', 'clean').catch((error: unknown) => error);
    expect(refused).toMatchObject({ exitCode: 1 });
    expect((refused as Error).message).toMatch(
      /job role arn:aws:iam::\d+:role\/cws-tui\/cws-tui-databrew-job cannot reach the data.*\n {2}cannot read s3:\/\/partner-lab\/exports\/shared\.csv \(s3:GetObject\): the bucket belongs to another account.*\n {2}Ask the bucket's owner/s,
    );
    const jobs = await brew(env, 'job', 'list');
    expect(jobs.stdout).toMatch(/No DataBrew jobs yet/);
  });

  it('is denied (exit 3) for a bucket the policy does not allow, and names a missing dataset', async () => {
    const env = await lab({ services: ['databrew'], buckets: { allow: ['cws-demo-*'] } });
    await expect(brew(env, 'dataset', 'create', 'x', 's3://partner-lab/a.csv')).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringMatching(/bucket 'partner-lab' matches none of the allowed patterns/),
    });
    await expect(brew(env, 'job', 'run', 'nothing', 'clean')).rejects.toThrow(
      /no dataset nothing in us-east-1/,
    );
    const other = await lab({ services: ['athena'] });
    await expect(brew(other, 'dataset', 'list')).rejects.toMatchObject({ exitCode: 3 });
  });
});

describe('databrew projects on the demo account', () => {
  it('creates a project with its working recipe, lists it, and prices the session before giving its console link', async () => {
    const env = await lab({ services: ['databrew'] });
    await brew(env, 'dataset', 'create', 'weather', 's3://cws-demo-lab/raw/weather.csv');
    const created = await brew(env, 'project', 'create', 'weather-prep', 'weather', 'dedupe');
    expect(created.stdout).toMatch(
      /^Project weather-prep on dataset weather, working recipe cws-weather-prep-recipe \(from dedupe\)\./,
    );
    expect(created.stdout).toMatch(/\$1\.00 per 30-minute interactive session \(\$2\.00 per session-hour\)/);
    const listed = await brew(env, 'project', 'list');
    expect(listed.stdout).toMatch(/^weather-prep\s+weather\s+closed\n$/);
    const opened = await brew(env, 'project', 'open', 'weather-prep');
    expect(opened.stdout).toBe(
      'Opening the interactive session costs $1.00 per 30-minute interactive session ($2.00 per session-hour).\n' +
        'https://us-east-1.console.aws.amazon.com/databrew/home?region=us-east-1#project-workspace?projectName=weather-prep\n',
    );
    await expect(brew(env, 'project', 'open', 'nope')).rejects.toThrow(/no project nope/);
    await expect(brew(env, 'project', 'create', 'p', 'missing')).rejects.toThrow(/no dataset missing/);
  });
});
