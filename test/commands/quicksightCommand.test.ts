import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../source/commands/CliError.js';
import { runProfilesCommand } from '../../source/commands/profilesCommand.js';
import { runQuicksightCommand } from '../../source/commands/quicksightCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

async function lab(seats: number, subscribed = true) {
  const env = testEnvironment();
  const policy = join(env.HOME ?? '', 'lab-policy.json');
  writeFileSync(
    policy,
    JSON.stringify({
      analytics: {
        services: ['athena', 'quicksight'],
        results_location: 's3://cws-demo-lab/results/',
        max_bytes_per_query: 10 * 1024 ** 3,
        databases: { allow: ['cws_*'] },
        quicksight_author_seats: seats,
      },
    }),
  );
  await runCommand(runProfilesCommand, ['create', 'lab'], env, {
    awsProfile: 'lab',
    region: 'us-east-1',
    policy,
  });
  mkdirSync(env.CWS_STATE_DIR ?? '', { recursive: true });
  if (subscribed) writeFileSync(join(env.CWS_STATE_DIR ?? '', 'demo-quicksight-on'), '');
  const quicksight = (args: string[], flags: Record<string, unknown> = {}) =>
    runCommand(runQuicksightCommand, args, env, { demo: true, yes: true, ...flags });
  const refusal = (args: string[], flags: Record<string, unknown> = {}) =>
    quicksight(args, flags).then(
      () => undefined,
      (error: unknown) => error as CliError,
    );
  return { quicksight, refusal };
}

describe('cws-tui quicksight register and create on the demo account', () => {
  it('registers a reader with the monthly cost said first, and lists them with it', async () => {
    const { quicksight, refusal } = await lab(1);
    const registered = await quicksight(['register', 'carol', 'reader'], { email: 'carol@lab.edu' });
    expect(registered.stdout).toMatch(
      /^Registering carol as a QuickSight reader: \$3\.00 per month \(enterprise edition reader\)\.\nRegistered carol \(reader\): arn:aws:quicksight:us-east-1:\d{12}:user\/default\/carol\n$/,
    );
    const status = await quicksight(['status']);
    expect(status.stdout).toMatch(/carol \(reader\)/);
    expect(status.stdout).toMatch(/\$33\.00 per month/);
    const again = await refusal(['register', 'carol', 'reader'], { email: 'carol@lab.edu' });
    expect(again?.message).toMatch(/carol is already registered/);
  });

  it("refuses an author beyond the policy's seats (exit 3), and bad input with usage (exit 2)", async () => {
    const { refusal } = await lab(1);
    const author = await refusal(['register', 'dan', 'author'], { email: 'dan@lab.edu' });
    expect(author).toBeInstanceOf(CliError);
    expect(author?.exitCode).toBe(3);
    expect(author?.message).toMatch(/2 QuickSight authors, more than the 1 the policy allows/);
    for (const [args, flags, message] of [
      [['register', 'dan', 'owner'], { email: 'dan@lab.edu' }, /the role is reader or author, not 'owner'/],
      [['register', 'dan', 'reader'], {}, /QuickSight needs the user's --email/],
      [
        ['register', 'dan', 'reader'],
        { email: 'not-an-address' },
        /'not-an-address' is not an email address/,
      ],
      [
        ['register', `arn:aws:iam::123456789012:role/Researcher`, 'reader'],
        { email: 'd@lab.edu' },
        /--user SESSION/,
      ],
      [['create', 'athena-analytics'], {}, /athena-analytics is not a QuickSight template/],
    ] as const) {
      const refused = await refusal([...args], flags);
      expect(refused?.exitCode, String(args)).toBe(2);
      expect(refused?.message).toMatch(message);
    }
  });

  it('says what enabling costs when the account has no subscription', async () => {
    const { refusal } = await lab(1, false);
    const refused = await refusal(['register', 'carol', 'reader'], { email: 'carol@lab.edu' });
    expect(refused?.exitCode).toBe(1);
    expect(refused?.message).toMatch(/no QuickSight subscription[\s\S]*\$24 per author and \$3 per reader/);
  });

  it('creates the data source, dataset and dashboard from quicksight-analytics, then opens it; a rerun reuses them', async () => {
    const { quicksight } = await lab(1);
    const created = await quicksight(['create', 'quicksight-analytics']);
    expect(created.stdout).toMatch(
      /direct-query dataset over cws_samples\.lab_spend and the dashboard cws-lab-spend \(3 visuals\)/,
    );
    expect(created.stdout).toMatch(/Data source cws-lab-spend-athena: created/);
    expect(created.stdout).toMatch(/Dataset cws-lab-spend-data: created/);
    expect(created.stdout).toMatch(/Dashboard cws-lab-spend: created/);
    const rerun = await quicksight(['create', 'quicksight-analytics']);
    expect(rerun.stdout.match(/already there/g)).toHaveLength(3);
    const link = await quicksight(['connect', 'cws-lab-spend']);
    expect(link.stdout).toContain(
      'https://us-east-1.quicksight.aws.amazon.com/embed/demo/dashboards/cws-lab-spend',
    );
  });
});
