import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../source/app/App.js';
import type { Session } from '../../../source/app/session/Session.js';
import { createTheme } from '../../../source/app/theme.js';
import { runCostCommand } from '../../../source/commands/costCommand.js';
import { spendColor } from '../../../source/components/spendColor.js';
import { budgetSchema } from '../../../source/core/cost/Budget.js';
import { formatUsd, formatUsdPerHour } from '../../../source/core/cost/formatUsd.js';
import { openDemoSession, seedWorkstation, tempEnv } from '../../app/demoSession.js';
import { KEYS, type RenderedTui, renderTui } from '../../app/fakeTerminal.js';
import { runCommand } from '../../commands/commandHarness.js';

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
  vi.useRealTimers();
});

const LAUNCHED = new Date('2026-11-20T08:00:00Z');
const NOW = new Date('2026-11-20T14:30:00Z');

/** A demo session with a running and a stopped workstation, looked at six and a half hours later. */
async function seededSession(env: NodeJS.ProcessEnv): Promise<Session> {
  // Only Date is faked: both views must compute at the same instant to be compared to the cent.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(LAUNCHED);
  const session = await openDemoSession(env);
  await seedWorkstation(session, 'thesis');
  await seedWorkstation(session, 'paused');
  const paused = (await session.listWorkstations()).find((row) => row.name === 'paused');
  if (!paused) throw new Error('the seeded workstation is missing');
  vi.setSystemTime(new Date(LAUNCHED.getTime() + 3_600_000));
  await session.stopWorkstation(paused, { hibernate: false });
  vi.setSystemTime(NOW);
  return session;
}

/** The same session, measured against a budget (as a profile's budget would be). */
function withBudget(session: Session, budget: Record<string, unknown>): Session {
  const budgeted: Session = Object.create(session);
  const parsed = budgetSchema.parse(budget);
  budgeted.costReport = (request) => session.costReport({ ...request, budget: parsed });
  return budgeted;
}

async function openCostPanel(
  session: Session,
  size: { columns: number; rows: number },
): Promise<RenderedTui> {
  tui = renderTui(
    <App openSession={() => Promise.resolve(session)} theme={createTheme(false)} refreshMs={60_000} />,
    size,
  );
  await tui.waitFor('thesis');
  await tui.type(':');
  await tui.waitFor(':dashboard');
  await tui.type(`cost${KEYS.enter}`);
  await tui.waitFor('Burn $');
  return tui;
}

describe.each([
  { columns: 80, rows: 24 },
  { columns: 120, rows: 40 },
])('the cost panel at $columns x $rows', (size) => {
  it('agrees with cost --json to the cent, and the header with both', async () => {
    const env = tempEnv();
    const session = withBudget(await seededSession(env), { monthly_limit: 300 });
    const json = JSON.parse(
      (await runCommand(runCostCommand, [], env, { json: true, budget: 300 })).stdout,
    ) as {
      burn_rate_per_hour: number;
      today: number;
      month_to_date: number;
      projected_month: number;
      saved_this_month: number;
      items: { name: string; month_to_date: number; today: number }[];
    };
    const view = await openCostPanel(session, size);
    const frame = view.lastFrame();
    expect(frame.split('\n').length).toBeLessThanOrEqual(size.rows - 1);
    const usd = (amount: number) => formatUsd(amount);
    expect(frame).toContain(`Burn ${formatUsdPerHour(json.burn_rate_per_hour)}`);
    expect(frame).toContain(`today ${usd(json.today)}`);
    expect(frame).toContain(`month to date ${usd(json.month_to_date)}`);
    expect(frame).toContain(`projected ${usd(json.projected_month)}`);
    expect(frame).toContain(`saved by stopping and hibernating ${usd(json.saved_this_month)}`);
    // The header: burn rate and the month against the budget, from the same report.
    expect(frame).toContain(
      `${formatUsdPerHour(json.burn_rate_per_hour)} · month ${usd(json.month_to_date)} of $300.00`,
    );
    expect(json.month_to_date).toBeGreaterThan(0);
    for (const item of json.items) {
      const line = frame.split('\n').find((row) => row.includes(` ${item.name} `)) ?? '';
      expect(line).toContain(usd(item.month_to_date));
      expect(line).toContain(usd(item.today));
    }
    // The lines add up to the totals shown above them, to the cent.
    const cents = (amount: number) => Math.round(amount * 100);
    expect(json.items.reduce((sum, item) => sum + cents(item.today), 0)).toBe(cents(json.today));
    expect(json.items.reduce((sum, item) => sum + cents(item.month_to_date), 0)).toBe(
      cents(json.month_to_date),
    );
    expect(frame).toMatch(/Budget \$300\.00 [█▒░]+ 0% used · \d+% projected/);
    expect(frame).toMatch(/Last 14 days [▁▂▃▄▅▆▇█]{14} /);
  });

  it('sums spend per service with v, and filters workstations with /', async () => {
    const env = tempEnv();
    const view = await openCostPanel(await seededSession(env), size);
    await view.type('v');
    let frame = view.lastFrame();
    expect(frame).toContain('Per service');
    expect(frame).toMatch(/EC2 workstations +2 /);
    // v steps per service, findings, and back to per workstation.
    await view.type('v');
    await view.waitFor('Findings');
    await view.type('v');
    await view.type('/');
    await view.type('paus');
    await view.type(KEYS.enter);
    frame = view.lastFrame();
    expect(frame).toContain('paused');
    expect(frame).not.toMatch(/ thesis /);
    expect(frame.split('\n').length).toBeLessThanOrEqual(size.rows - 1);
  });
});

describe('budget alerts in the cost panel', () => {
  it('lists a fired stop alert and stops the running workstations only after confirmation', async () => {
    const env = tempEnv();
    const base = await seededSession(env);
    const session = withBudget(base, { monthly_limit: 0.05, thresholds: [50], actions: { '50': 'stop' } });
    const view = await openCostPanel(session, { columns: 120, rows: 40 });
    let frame = await view.waitFor('1 alert(s)');
    expect(frame).toContain('running workstations are to be stopped');
    expect(frame).toMatch(/launches blocked|% used/);
    await view.type('x');
    frame = await view.waitFor('Budget at 50%: stop 1 workstation(s)?');
    expect(frame).toMatch(/stop +thesis \(us-east-1\)/);
    await view.type(KEYS.esc);
    expect(view.lastFrame()).not.toContain('Budget at 50%');
    expect((await base.listWorkstations()).find((row) => row.name === 'thesis')?.state).toBe('running');
    await view.type('x');
    await view.waitFor('Budget at 50%');
    await view.type(KEYS.enter);
    await view.waitFor('Budget: stopped 1 workstation(s)');
    const states = (await base.listWorkstations()).map((row) => row.state);
    expect(states.every((state) => state === 'stopped' || state === 'stopping')).toBe(true);
  });

  it('keeps a fired stop alert across a restart until it is dismissed', async () => {
    const env = tempEnv();
    const base = await seededSession(env);
    const budget = { monthly_limit: 0.05, thresholds: [50], actions: { '50': 'stop' } };
    let view = await openCostPanel(withBudget(base, budget), { columns: 80, rows: 24 });
    let frame = await view.waitFor('1 alert(s)');
    expect(frame).toContain('Budget alert: $');
    expect(frame).not.toContain('Error: Budget alert');
    view.unmount();
    // A restart: a new session on the same state dir; the alert fired before is still waiting.
    const restarted = withBudget(await openDemoSession(env), budget);
    view = await openCostPanel(restarted, { columns: 80, rows: 24 });
    frame = await view.waitFor('1 alert(s)');
    expect(frame).toContain('running workstations are to be stopped');
    expect(frame).toContain('x stop (budget)');
    await view.type('d');
    await view.waitFor(/^(?![\s\S]*1 alert\(s\))/);
    view.unmount();
    view = await openCostPanel(withBudget(await openDemoSession(env), budget), { columns: 80, rows: 24 });
    // The first report (the one that shows the burn rate) brings any alert still waiting.
    expect(view.lastFrame()).not.toContain('alert(s)');
  });

  it('carries out a stop the admin set to act alone, without asking', async () => {
    const env = tempEnv();
    const base = await seededSession(env);
    const session = withBudget(base, {
      monthly_limit: 0.05,
      thresholds: [50],
      actions: { '50': 'stop' },
      auto: true,
    });
    tui = renderTui(
      <App openSession={() => Promise.resolve(session)} theme={createTheme(false)} refreshMs={60_000} />,
      { columns: 80, rows: 24 },
    );
    await tui.waitFor('Budget: stopped 1 workstation(s)');
    const states = (await base.listWorkstations()).map((row) => row.state);
    expect(states.every((state) => state === 'stopped' || state === 'stopping')).toBe(true);
  });
});

describe('the header against the budget', () => {
  it('shows the month against the budget from the same report, in the colour of its level', async () => {
    const env = tempEnv();
    const base = await seededSession(env);
    const { report } = await base.costReport({ fireAlerts: false });
    // 60% of the budget spent: past the 50% threshold, short of the limit.
    const limit = report.month_to_date / 0.6;
    const warned = withBudget(base, { monthly_limit: limit, thresholds: [50] });
    tui = renderTui(
      <App openSession={() => Promise.resolve(warned)} theme={createTheme(false)} refreshMs={60_000} />,
      { columns: 120, rows: 40 },
    );
    await tui.waitFor(`month ${formatUsd(report.month_to_date)} of ${formatUsd(limit)}`);
    const colour = createTheme(true);
    const spend = (spent: number, level: 'ok' | 'warning' | 'exceeded') => ({
      spent_usd: spent,
      budget_usd: 100,
      level,
    });
    expect(spendColor(spend(60, 'warning'), colour)).toBe(colour.warning);
    expect(spendColor(spend(100, 'exceeded'), colour)).toBe(colour.danger);
    expect(spendColor(spend(120, 'ok'), colour)).toBe(colour.danger);
    expect(spendColor(spend(10, 'ok'), colour)).toBeUndefined();
    expect(spendColor({ spent_usd: 10 }, colour)).toBeUndefined();
    expect(spendColor(spend(100, 'exceeded'), createTheme(false))).toBeUndefined();
  });
});
