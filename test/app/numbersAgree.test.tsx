import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../source/app/App.js';
import { openSession } from '../../source/app/session/openSession.js';
import { createTheme } from '../../source/app/theme.js';
import { runCostCommand } from '../../source/commands/costCommand.js';
import { runLaunchCommand } from '../../source/commands/launchCommand.js';
import { lifecycleCommand } from '../../source/commands/lifecycleCommand.js';
import { runListCommand } from '../../source/commands/listCommand.js';
import { formatHourlyAmount } from '../../source/core/cost/formatUsd.js';
import { runCommand, testEnvironment } from '../commands/commandHarness.js';
import { type RenderedTui, renderTui } from './fakeTerminal.js';

interface Listed {
  name: string;
  kind: string;
  state: string;
  hibernated: boolean;
  hourly_cost: number | null;
}
interface CostItem {
  name: string;
  state: string;
  rate_per_hour: number;
  today: number;
}

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

/** The state as one word, whichever view printed it. */
const listedState = (row: Listed) => (row.state === 'stopped' && row.hibernated ? 'hibernated' : row.state);

describe('the dashboard, list --json and cost agree on every row', () => {
  it('for EC2 running, stopped and hibernated and SageMaker spaces running and stopped', async () => {
    const env = testEnvironment();
    const launch = async (template: string, name: string, flags: Record<string, unknown> = {}) =>
      expect((await runCommand(runLaunchCommand, [template, name], env, { size: 'S', ...flags })).code).toBe(
        0,
      );
    await launch('python-ml', 'runner');
    await launch('python-ml', 'halted');
    await launch('python-ml', 'sleeper', { hibernation: true });
    await launch('sagemaker-studio', 'nb-on', { size: undefined });
    await launch('sagemaker-studio', 'nb-off', { size: undefined });
    for (const [action, name] of [
      ['stop', 'halted'],
      ['hibernate', 'sleeper'],
      ['stop', 'nb-off'],
    ] as const) {
      expect((await runCommand(lifecycleCommand(action), [name], env, { yes: true })).code).toBe(0);
    }

    const listed = JSON.parse((await runCommand(runListCommand, [], env, { json: true })).stdout) as Listed[];
    const cost = JSON.parse((await runCommand(runCostCommand, [], env, { json: true })).stdout) as {
      burn_rate_per_hour: number;
      today: number;
      items: CostItem[];
    };
    expect(listed.map((row) => [row.name, listedState(row)]).sort()).toEqual([
      ['halted', 'stopped'],
      ['nb-off', 'stopped'],
      ['nb-on', 'running'],
      ['runner', 'running'],
      ['sleeper', 'hibernated'],
    ]);
    const nbOff = listed.find((row) => row.name === 'nb-off');
    const nbOn = listed.find((row) => row.name === 'nb-on');
    // A stopped space has no app: it costs its volume alone, far less than the running one.
    expect(nbOff?.hourly_cost).toBeGreaterThan(0);
    expect(nbOff?.hourly_cost ?? 1).toBeLessThan((nbOn?.hourly_cost ?? 0) / 10);

    for (const row of listed) {
      const item = cost.items.find((candidate) => candidate.name === row.name);
      expect(item, row.name).toBeDefined();
      expect(item?.state, row.name).toBe(listedState(row));
      expect(item?.rate_per_hour, row.name).toBe(row.hourly_cost);
    }
    const cents = (amount: number) => Math.round(amount * 100);
    expect(cost.items.reduce((sum, item) => sum + cents(item.today), 0)).toBe(cents(cost.today));
    const burn = cost.items.reduce((sum, item) => sum + item.rate_per_hour * 10_000, 0);
    expect(Math.round(burn)).toBe(Math.round(cost.burn_rate_per_hour * 10_000));

    tui = renderTui(
      <App
        openSession={() => openSession({ env, demo: true })}
        theme={createTheme(false)}
        refreshMs={60_000}
      />,
      { columns: 120, rows: 40 },
    );
    await tui.waitFor('5 workstations');
    await tui.waitFor(formatHourlyAmount(cost.burn_rate_per_hour));
    const frame = tui.lastFrame();
    for (const row of listed) {
      const line = frame.split('\n').find((text) => text.slice(2).startsWith(`${row.name} `)) ?? '';
      expect(line, row.name).toContain(` ${listedState(row)} `);
      expect(line, row.name).toContain(row.hourly_cost ? formatHourlyAmount(row.hourly_cost) : ' - ');
    }
  });
});
