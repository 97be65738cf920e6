import { describe, expect, it } from 'vitest';
import { runDataCommand } from '../../source/commands/dataCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';
import { labProfileUnderPolicy } from './labProfileUnderPolicy.js';

describe('data sources on the demo account', () => {
  it('lists the catalog tables with size and last update, and the buckets the policy names', async () => {
    const result = await runCommand(runDataCommand, ['sources'], testEnvironment(), { demo: true });
    expect(result.stdout).toMatch(/^S3 buckets: any \(the policy names none\)\n/);
    expect(result.stdout).toMatch(
      /cws_samples\s+sensor_events\s+3\s+24\.0 GiB\s+2026-11-20 12:00\s+s3:\/\/cws-demo-lab\/samples\/sensor_events\//,
    );
  });

  it('keeps out the databases the policy denies, saying why', async () => {
    const env = await labProfileUnderPolicy({
      analytics: {
        databases: { deny: ['cws_*'] },
        buckets: { allow: ['lab-*'] },
        results_location: 's3://lab-a/r/',
      },
    });
    const result = await runCommand(runDataCommand, ['sources'], env, { demo: true });
    expect(result.stdout).toBe(
      'S3 buckets: allowed lab-*\nQuery results: s3://lab-a/r/\nNo Data Catalog tables you may query in us-east-1.\n' +
        "Not shown: cws_samples (the database 'cws_samples' is denied by the pattern 'cws_*')\n",
    );
    await expect(runCommand(runDataCommand, ['crawl'], env, { demo: true })).rejects.toMatchObject({
      exitCode: 2,
    });
  });
});
