import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDemoAccount, type DemoAccount } from '../../../source/aws/demo/createDemoAccount.js';
import { budgetSchema } from '../../../source/core/cost/Budget.js';
import { BudgetAlertStore, budgetAlertFile } from '../../../source/core/cost/BudgetAlertStore.js';
import { CostLedger, costLedgerFile } from '../../../source/core/cost/CostLedger.js';
import { costReportJson } from '../../../source/core/cost/costReportJson.js';
import type { BudgetAlert } from '../../../source/core/cost/evaluateBudget.js';
import { formatUsd, roundUsd } from '../../../source/core/cost/formatUsd.js';
import { loadCostReport } from '../../../source/core/cost/loadCostReport.js';
import { snapshotPriceCatalog } from '../../../source/core/cost/priceTable.js';
import type { RunInstanceRequest } from '../../../source/core/ports.js';

const DAY_MS = 86_400_000;
const NOVEMBER = Date.UTC(2026, 10, 1);
const perGbHour = 0.08 / 730;

function request(name: string, type: string, volumeGb: number, hibernation: boolean): RunInstanceRequest {
  return {
    region: 'us-east-1',
    name,
    image_id: 'ami-0123456789abcdef0',
    instance_type: type,
    user_data_base64: '',
    client_token: `token-${name}`,
    tags: { 'cws:managed': 'true' },
    root_volume_gb: volumeGb,
    root_volume_type: 'gp3',
    spot: false,
    hibernation,
  };
}

describe('loadCostReport over a simulated month on the demo account', () => {
  let stateDir: string;
  let clock: number;
  let account: DemoAccount;
  beforeEach(async () => {
    stateDir = await mkdtemp(join(tmpdir(), 'cws-month-'));
    clock = NOVEMBER;
    account = createDemoAccount({
      stateDir,
      env: { CWS_DEMO_SPEED: '0' },
      region: 'us-east-1',
      now: () => clock,
    });
  });
  afterEach(async () => {
    await rm(stateDir, { recursive: true, force: true });
  });

  it('accrues to the cent, fires each budget threshold once, and blocks launches past 80%', async () => {
    const budget = budgetSchema.parse({
      monthly_limit: 40,
      thresholds: [50, 80, 100],
      actions: { '80': 'block', '100': 'hibernate' },
    });
    const store = new BudgetAlertStore(budgetAlertFile(stateDir));
    const ledger = new CostLedger(costLedgerFile(stateDir, 'demo-lab'));
    const report = (fireAlerts: boolean) =>
      loadCostReport({
        account,
        regions: ['us-east-1'],
        catalog: snapshotPriceCatalog,
        now: new Date(clock),
        timeZone: 'UTC',
        budget,
        budgetKey: 'profile:lab',
        store,
        ledger,
        fireAlerts,
      });
    const alerts: { day: number; alert: BudgetAlert }[] = [];
    let blockedFrom: number | undefined;
    let alpha = '';
    let bravo = '';
    for (let day = 0; day <= 30; day += 1) {
      clock = NOVEMBER + day * DAY_MS;
      if (day === 0) alpha = (await account.compute.runInstance(request('alpha', 't3.large', 30, true))).id;
      if (day === 4)
        bravo = (await account.compute.runInstance(request('bravo', 'm7i.large', 100, false))).id;
      if (day === 10) await account.compute.stopInstance('us-east-1', alpha, { hibernate: true });
      if (day === 14) await account.compute.stopInstance('us-east-1', bravo, { hibernate: false });
      if (day === 20) await account.compute.startInstance('us-east-1', alpha);
      if (day === 24) await account.compute.terminateInstance('us-east-1', bravo);
      if (day === 30) clock -= 1;
      const loaded = await report(true);
      for (const alert of loaded.alerts) alerts.push({ day, alert });
      if (loaded.report.budget?.blocks_launch && blockedFrom === undefined) blockedFrom = day;
      // the panel (formatUsd) and --json (costReportJson) print the same cents
      const json = costReportJson(loaded.report);
      expect(formatUsd(json.month_to_date as number)).toBe(formatUsd(loaded.report.month_to_date));
    }
    const final = (await report(false)).report;
    const alphaTotal = 480 * 0.0832 + 720 * 30 * perGbHour + 240 * 8 * perGbHour;
    const bravoTotal = 240 * 0.1008 + 480 * 100 * perGbHour;
    expect(roundUsd(final.month_to_date)).toBe(roundUsd(alphaTotal + bravoTotal));
    expect(costReportJson(final).month_to_date).toBe(71.97);
    expect(final.items.map((item) => [item.name, item.state])).toEqual([
      ['alpha', 'running'],
      ['bravo', 'terminated'],
    ]);
    expect(roundUsd(final.items[0]!.saved_this_month)).toBe(roundUsd(240 * 0.0832 - 240 * 8 * perGbHour));
    expect(final.items[0]!.hibernated_hours_this_month).toBeCloseTo(240, 6);
    expect(alerts.map(({ alert }) => alert.threshold)).toEqual([50, 80, 100]);
    expect(alerts.map(({ day }) => day)).toEqual([...alerts.map(({ day }) => day)].sort((a, b) => a - b));
    expect(alerts[2]?.alert).toMatchObject({ action: 'hibernate', requires_confirmation: true });
    expect(blockedFrom).toBe(alerts[1]?.day);
    expect(final.budget?.block_reason).toMatch(/blocks new launches/);
  });
});
