import { describe, expect, it } from 'vitest';
import { runCostCommand } from '../../source/commands/costCommand.js';
import { runLaunchCommand } from '../../source/commands/launchCommand.js';
import { lifecycleCommand } from '../../source/commands/lifecycleCommand.js';
import { runListCommand } from '../../source/commands/listCommand.js';
import { runCommand, testEnvironment } from './commandHarness.js';

describe('cws-tui cost on the demo account', () => {
  it('prints the burn rate, totals, budget and one line per resource, agreeing with list', async () => {
    const env = testEnvironment();
    expect((await runCommand(runLaunchCommand, ['python-ml', 'thesis'], env, { size: 'S' })).code).toBe(0);
    expect((await runCommand(runLaunchCommand, ['python-ml', 'paused'], env, { size: 'S' })).code).toBe(0);
    await runCommand(lifecycleCommand('stop'), ['paused'], env);

    const cost = await runCommand(runCostCommand, [], env, { json: true, budget: 300 });
    expect(cost.code).toBe(0);
    const json = JSON.parse(cost.stdout);
    expect(json).toMatchObject({ currency: 'USD', basis: 'estimate', billed: null, window: null });
    for (const key of ['burn_rate_per_hour', 'today', 'month_to_date', 'projected_month']) {
      expect(typeof json[key]).toBe('number');
    }
    expect(json.budget).toMatchObject({ monthly_limit: 300, level: 'ok', blocks_launch: false });
    const items = json.items as { name: string; state: string; rate_per_hour: number; basis: string }[];
    expect(items.map((item) => [item.name, item.state]).sort()).toEqual([
      ['paused', 'stopped'],
      ['thesis', 'running'],
    ]);
    const listed = JSON.parse((await runCommand(runListCommand, [], env, { json: true })).stdout) as {
      name: string;
      hourly_cost: number;
    }[];
    const running = items.find((item) => item.name === 'thesis')!;
    expect(running.rate_per_hour).toBe(listed.find((row) => row.name === 'thesis')?.hourly_cost);
    expect(json.burn_rate_per_hour).toBeGreaterThan(running.rate_per_hour);

    const text = await runCommand(runCostCommand, [], env, { budget: 300 });
    expect(text.stdout).toMatch(/^Burn rate \$\d+\.\d{4}\/h {3}today \$\d+\.\d{2} .*\(estimates\)$/m);
    expect(text.stdout).toMatch(/^Budget \$300\.00: \d+% used/m);
    expect(text.stdout).toMatch(/^thesis +running +\S+ +us-east-1 /m);
  });

  it('accepts a --since/--until window and rejects a bad one clearly', async () => {
    const env = testEnvironment();
    const windowed = await runCommand(runCostCommand, [], env, { json: true, since: '2026-01-01T00:00:00Z' });
    expect(JSON.parse(windowed.stdout).window).toMatchObject({ from: '2026-01-01T00:00:00.000Z', total: 0 });
    await expect(runCommand(runCostCommand, [], env, { until: '2026-01-01' })).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('--until needs --since'),
    });
    await expect(runCommand(runCostCommand, [], env, { since: 'last tuesday' })).rejects.toMatchObject({
      exitCode: 2,
      message: '--since/--until: "last tuesday" is not a date or time',
    });
    await expect(runCommand(runCostCommand, [], env, { budget: -5 })).rejects.toMatchObject({ exitCode: 2 });
  });

  it('counts no spend after now: a window ahead is zero, one across now stops at now and says so', async () => {
    const env = testEnvironment();
    expect((await runCommand(runLaunchCommand, ['python-ml', 'thesis'], env, { size: 'S' })).code).toBe(0);
    const day = 86_400_000;
    const ahead = await runCommand(runCostCommand, [], env, {
      json: true,
      since: new Date(Date.now() + 7 * day).toISOString(),
      until: new Date(Date.now() + 8 * day).toISOString(),
    });
    const aheadWindow = JSON.parse(ahead.stdout).window;
    expect(aheadWindow).toMatchObject({ total: 0, until_now: true });
    const across = await runCommand(runCostCommand, [], env, {
      since: new Date(Date.now() - day).toISOString(),
      until: new Date(Date.now() + 30 * day).toISOString(),
    });
    expect(across.stdout).toMatch(/ to \S+ \(until now\): \$\d+\.\d\d \(estimate\)/);
    const acrossJson = JSON.parse(
      (
        await runCommand(runCostCommand, [], env, {
          json: true,
          since: new Date(Date.now() - day).toISOString(),
          until: new Date(Date.now() + 30 * day).toISOString(),
        })
      ).stdout,
    );
    expect(Date.parse(acrossJson.window.to)).toBeLessThanOrEqual(Date.now());
  });
});
