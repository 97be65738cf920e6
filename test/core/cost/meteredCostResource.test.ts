import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoAccount } from '../../../source/aws/demo/createDemoAccount.js';
import type { CostContributor } from '../../../source/core/cost/CostContributor.js';
import { CostLedger, costLedgerFile } from '../../../source/core/cost/CostLedger.js';
import type { MeteredCostResource } from '../../../source/core/cost/CostResource.js';
import { buildCostReport } from '../../../source/core/cost/costReport.js';
import { listCostResources } from '../../../source/core/cost/listCostResources.js';
import { snapshotPriceCatalog } from '../../../source/core/cost/priceTable.js';
import { timeWindow } from '../../../source/core/cost/TimeWindow.js';
import { spendByService } from '../../../source/screens/Cost/spendByService.js';

const now = new Date('2026-11-20T12:00:00Z');

const lustre: MeteredCostResource = {
  kind: 'metered',
  service: 'FSx for Lustre',
  id: 'fs-0123',
  name: 'scratch',
  region: 'us-east-1',
  usd_per_hour: 1.5,
  usd_per_hour_stopped: 0.5,
  price_source: 'snapshot',
  transitions: [
    { at: '2026-11-19T12:00:00Z', state: 'running' },
    { at: '2026-11-20T06:00:00Z', state: 'stopped' },
  ],
  notes: ['FSx priced on its provisioned capacity'],
};

const athena: MeteredCostResource = {
  kind: 'metered',
  service: 'Athena',
  id: 'wg-lab',
  name: 'lab',
  region: 'us-east-1',
  usd_per_hour: 0,
  price_source: 'snapshot',
  transitions: [{ at: '2026-10-01T00:00:00Z', state: 'stopped' }],
  charges: [
    { at: '2026-10-31T23:00:00Z', usd: 9, what: 'query a (last month)' },
    { at: '2026-11-20T01:00:00Z', usd: 0.25, what: 'query b' },
    { at: '2026-11-20T02:00:00Z', usd: 0.5, what: 'query c' },
  ],
};

describe('metered resources in the cost report', () => {
  const report = buildCostReport({
    resources: [lustre, athena],
    now,
    catalog: snapshotPriceCatalog,
    timeZone: 'UTC',
    window: timeWindow(new Date('2026-11-20T00:00:00Z'), new Date('2026-11-20T01:30:00Z')),
  });
  const item = (id: string) => report.items.find((line) => line.id === id);

  it('accrues the running rate, then the stopped rate, over the history', () => {
    // 18 h running at 1.5, then 6 h stopped at 0.5
    expect(item('fs-0123')?.month_to_date).toBeCloseTo(18 * 1.5 + 6 * 0.5, 9);
    expect(item('fs-0123')?.today).toBeCloseTo(6 * 1.5 + 6 * 0.5, 9);
    expect(item('fs-0123')?.rate_per_hour).toBeCloseTo(0.5, 9);
    expect(item('fs-0123')?.service).toBe('FSx for Lustre');
    expect(report.notes).toContain('FSx priced on its provisioned capacity');
  });

  it('counts one-off charges in the window they fell in, never last month', () => {
    expect(item('wg-lab')?.month_to_date).toBeCloseTo(0.75, 9);
    expect(item('wg-lab')?.today).toBeCloseTo(0.75, 9);
    expect(item('wg-lab')?.window_total).toBeCloseTo(0.25, 9);
    expect(report.window?.total).toBeCloseTo(0.25 + 1.5 * 1.5, 9);
    expect(report.daily.at(-1)?.amount).toBeCloseTo(0.75 + 6 * 1.5 + 6 * 0.5, 9);
  });

  it('groups lines by their service on the cost page', () => {
    expect(spendByService(report.items).map((spend) => spend.service)).toEqual(['FSx for Lustre', 'Athena']);
  });
});

describe('cost contributors', () => {
  it('adds what each contributor lists, and a failing one becomes a warning', async () => {
    const account = createDemoAccount({ stateDir: await mkdtemp(join(tmpdir(), 'cws-metered-')), env: {} });
    const working: CostContributor = {
      service: 'FSx',
      list: async () => ({ resources: [lustre], warnings: [] }),
    };
    const failing: CostContributor = {
      service: 'EMR',
      list: async () => {
        throw new Error('AccessDeniedException: not authorized to perform emr-serverless:ListApplications');
      },
    };
    const listed = await listCostResources(account, ['us-east-1'], undefined, {
      contributors: [working, failing],
    });
    expect(listed.resources.filter((resource) => resource.kind === 'metered')).toEqual([lustre]);
    expect(listed.warnings).toEqual([
      'EMR is not counted: AccessDeniedException: not authorized to perform emr-serverless:ListApplications',
    ]);
  });
});

describe('the cost ledger with metered resources', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('keeps charges the service no longer lists, and closes a resource it no longer lists', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cws-ledger-'));
    const ledger = new CostLedger(costLedgerFile(dir, 'demo'));
    await ledger.merge([athena, lustre], ['us-east-1'], new Date('2026-11-20T03:00:00Z'));
    const aged = { ...athena, charges: athena.charges?.slice(2) };
    const { resources } = await ledger.merge([aged], ['us-east-1'], now);
    const kept = resources.find((resource) => resource.id === 'wg-lab');
    expect(kept?.kind === 'metered' ? kept.charges?.map((charge) => charge.what) : []).toEqual([
      'query a (last month)',
      'query b',
      'query c',
    ]);
    const closed = resources.find((resource) => resource.id === 'fs-0123');
    expect(closed?.kind === 'metered' ? closed.transitions.at(-1) : undefined).toEqual({
      at: '2026-11-20T03:00:00.000Z',
      state: 'terminated',
    });
  });
});
