import { describe, expect, it } from 'vitest';
import { runBigdataCommand } from '../../source/commands/bigdataCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

const STUDIO_URL = /https:\/\/es-[0-9a-z]{25}\.emrstudio-prod\.us-east-1\.amazonaws\.com/;

describe('cws-tui bigdata studio on the demo account', () => {
  it('creates the lab Studio once, shows it, and connect prints its URL', async () => {
    const env = testEnvironment();
    const created = await runCommand(runBigdataCommand, ['studio', 'create'], env, { json: true });
    expect(created.code).toBe(0);
    const studio = JSON.parse(created.stdout);
    expect(studio).toMatchObject({
      name: 'cws-tui-demo',
      region: 'us-east-1',
      auth_mode: 'IAM',
      created: true,
      workspace_location: expect.stringMatching(
        /^s3:\/\/cws-tui-staging-\d+-us-east-1\/studio\/workspaces\/$/,
      ),
    });
    expect(studio.id).toMatch(/^es-[0-9A-Z]{25}$/);
    expect(studio.vpc_id).toMatch(/^vpc-/);
    expect(studio.subnet_ids.length).toBeGreaterThan(0);

    const again = await runCommand(runBigdataCommand, ['studio', 'create'], env);
    expect(again.stdout).toContain(`The lab already has EMR Studio cws-tui-demo (${studio.id})`);

    const shown = await runCommand(runBigdataCommand, ['studio', 'show'], env);
    expect(shown.stdout).toContain(`url         ${studio.url}`);
    expect(shown.stdout).toMatch(/network {5}vpc-\S+ \(subnets subnet-/);

    const connected = await runCommand(runBigdataCommand, ['studio', 'connect'], env, { print: true });
    expect(connected.code).toBe(0);
    expect(connected.stdout).toMatch(STUDIO_URL);
    expect(connected.stdout).toContain(`Open: ${studio.url}`);
    expect(connected.stdout).toContain('create or open your Workspace there');
  });

  it('connect without a Studio says how to make one, with exit 1', async () => {
    const env = testEnvironment();
    await expect(
      runCommand(runBigdataCommand, ['studio', 'connect'], env, { print: true }),
    ).rejects.toMatchObject({
      exitCode: 1,
      message: expect.stringContaining('create it with cws-tui bigdata studio create --region us-east-1'),
    });
  });

  it('refuses an unknown studio subcommand with the usage and exit 2', async () => {
    const env = testEnvironment();
    await expect(runCommand(runBigdataCommand, ['studio', 'open'], env)).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining("unknown studio subcommand 'open'"),
    });
  });
});
