import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSession } from '../../source/app/session/openSession.js';
import { runIdleCommand } from '../../source/commands/idleCommand.js';
import { runLaunchCommand } from '../../source/commands/launchCommand.js';
import { lifecycleCommand } from '../../source/commands/lifecycleCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

interface StatusRow {
  workstation: string;
  policy: string;
  schedules: string[];
}

async function status(env: NodeJS.ProcessEnv): Promise<StatusRow[]> {
  const result = await runCommand(runIdleCommand, ['status'], env, { json: true });
  return (JSON.parse(result.stdout) as { workstations: StatusRow[] }).workstations;
}

describe('cws-tui idle on the demo account', () => {
  it('lists and shows the named policies', async () => {
    const env = testEnvironment();
    const listed = await runCommand(runIdleCommand, ['list'], env);
    for (const name of ['balanced', 'aggressive', 'hibernate', 'gpu', 'batch', 'off'])
      expect(listed.stdout).toContain(name);
    const shown = await runCommand(runIdleCommand, ['show', 'hibernate'], env);
    expect(shown.stdout).toContain('marks idle after 20 min, hibernates after 30 min');
    await expect(runCommand(runIdleCommand, ['show', 'lazy'], env)).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/no idle policy 'lazy'/),
    });
  });

  it('applies a policy through SSM to running workstations, reports a stopped one, and shows it in status', async () => {
    const env = testEnvironment();
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'on'], env);
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'off'], env);
    await runCommand(lifecycleCommand('stop'), ['off'], env);
    const applied = await runCommand(runIdleCommand, ['apply', 'aggressive', 'on', 'off'], env, {
      yes: true,
    });
    expect(applied.code).toBe(1);
    expect(applied.stdout).toContain('on: aggressive applied\n');
    expect(applied.stdout).toContain('off: not applied: off is stopped: start it first\n');
    const rows = await status(env);
    expect(rows.find((r) => r.workstation === 'on')?.policy).toBe('aggressive');
    expect(rows.find((r) => r.workstation === 'off')?.policy).toBe('template default');
    const audit = readFileSync(join(env.CWS_STATE_DIR ?? '', 'audit.jsonl'), 'utf8');
    expect(audit).toMatch(/"action":"idle-apply".*"policy":"aggressive","applied":\["on"\]/);
  });

  it('schedules stop and start in a time zone, shows them, and removes them', async () => {
    const env = testEnvironment();
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'box'], env);
    const scheduled = await runCommand(runIdleCommand, ['schedule', 'box'], env, {
      stop: '19:00',
      start: '8:00',
      days: 'mon-fri',
      tz: 'Europe/Berlin',
      yes: true,
      json: true,
    });
    const { schedules } = JSON.parse(scheduled.stdout) as {
      schedules: Array<{ action: string; expression: string; time_zone: string }>;
    };
    expect(schedules).toEqual([
      expect.objectContaining({
        action: 'stop',
        expression: 'cron(0 19 ? * MON-FRI *)',
        time_zone: 'Europe/Berlin',
      }),
      expect.objectContaining({
        action: 'start',
        expression: 'cron(0 8 ? * MON-FRI *)',
        time_zone: 'Europe/Berlin',
      }),
    ]);
    expect((await status(env))[0]?.schedules).toEqual([
      'stop 19:00 MON-FRI Europe/Berlin',
      'start 08:00 MON-FRI Europe/Berlin',
    ]);
    await runCommand(runIdleCommand, ['unschedule', 'box'], env, { yes: true });
    expect((await status(env))[0]?.schedules).toEqual([]);
  });

  it('refuses an unknown time zone, a bad time and a bad day', async () => {
    const env = testEnvironment();
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'box'], env);
    await expect(
      runCommand(runIdleCommand, ['schedule', 'box'], env, { stop: '19:00', tz: 'Mars/Olympus', yes: true }),
    ).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/unknown time zone 'Mars\/Olympus'/),
    });
    await expect(
      runCommand(runIdleCommand, ['schedule', 'box'], env, { stop: '25:00', tz: 'UTC', yes: true }),
    ).rejects.toThrow(/--stop 25:00 is not a time of day/);
    await expect(
      runCommand(runIdleCommand, ['schedule', 'box'], env, {
        stop: '19:00',
        days: 'weekdays',
        tz: 'UTC',
        yes: true,
      }),
    ).rejects.toThrow(/'weekdays' is not a day/);
  });

  it('reports the compute saved by idle stops this month', async () => {
    const env = testEnvironment();
    await runCommand(runLaunchCommand, ['ubuntu-24-04', 'box'], env, { type: 'm7i.large' });
    await runCommand(lifecycleCommand('stop'), ['box'], env);
    const session = await openSession({ env, demo: true });
    const [box] = await session.listWorkstations();
    const at = new Date(Date.now() - 10 * 3_600_000).toISOString();
    await session
      .operationsContext()
      .account.instanceChanges.tagInstances(box?.region ?? '', [box?.id ?? ''], {
        'cws:idle-action': 'stop',
        'cws:idle-at': at,
      });
    const result = await runCommand(runIdleCommand, ['savings'], env, { json: true });
    const { savings, total_usd } = JSON.parse(result.stdout) as {
      savings: Array<{ stopped_hours: number }>;
      total_usd: number;
    };
    expect(savings).toHaveLength(1);
    expect(savings[0]?.stopped_hours).toBeGreaterThan(0);
    expect(total_usd).toBeGreaterThan(0);
  });
});
