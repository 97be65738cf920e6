import { describe, expect, it } from 'vitest';
import { budgetSchema } from '../../../source/core/cost/Budget.js';
import type { CostResource } from '../../../source/core/cost/CostResource.js';
import {
  costResourceFromFileSystem,
  costResourceFromInstance,
} from '../../../source/core/cost/CostResource.js';
import { buildCostReport, buildCostReportInSlices } from '../../../source/core/cost/costReport.js';
import { costReportJson } from '../../../source/core/cost/costReportJson.js';
import { formatUsd, formatUsdPerHour, roundUsd } from '../../../source/core/cost/formatUsd.js';
import { snapshotPriceCatalog } from '../../../source/core/cost/priceTable.js';
import { timeWindow } from '../../../source/core/cost/TimeWindow.js';
import type { Instance } from '../../../source/core/ports.js';
import { TimeSlicer } from '../../../source/core/slicing/TimeSlicer.js';

const instance = (overrides: Partial<CostResource & { kind: 'instance' }>): CostResource => ({
  kind: 'instance',
  id: 'i-0',
  name: 'ws',
  region: 'us-east-1',
  instance_type: 't3.medium',
  root_volume_gb: 50,
  root_volume_type: 'gp3',
  transitions: [],
  ...overrides,
});

const resources: CostResource[] = [
  instance({ id: 'i-a', name: 'alpha', transitions: [{ at: '2026-10-25T09:00:00Z', state: 'running' }] }),
  instance({
    id: 'i-b',
    name: 'bravo',
    instance_type: 'm7i.large',
    root_volume_gb: 100,
    transitions: [
      { at: '2026-11-01T00:00:00Z', state: 'running' },
      { at: '2026-11-10T00:00:00Z', state: 'stopped' },
    ],
  }),
  instance({
    id: 'i-c',
    name: 'charlie',
    instance_type: 'r7i.large',
    root_volume_gb: 30,
    transitions: [
      { at: '2026-11-01T00:00:00Z', state: 'running' },
      { at: '2026-11-15T00:00:00Z', state: 'hibernated' },
    ],
  }),
  instance({
    id: 'i-d',
    name: 'delta',
    instance_type: 'g5.xlarge',
    root_volume_gb: 8,
    transitions: [
      { at: '2026-11-02T00:00:00Z', state: 'running' },
      { at: '2026-11-02T10:00:00Z', state: 'terminated' },
    ],
  }),
  {
    kind: 'file-system',
    id: 'fs-1',
    name: 'shared',
    region: 'us-east-1',
    size_gb: 200,
    created_at: '2026-10-01T00:00:00Z',
  },
];

const now = new Date('2026-11-20T12:00:00Z');
const perGbHour = 0.08 / 730;

describe('buildCostReport', () => {
  const report = buildCostReport({ resources, now, catalog: snapshotPriceCatalog, timeZone: 'UTC' });
  const item = (id: string) => report.items.find((line) => line.id === id)!;

  it('accrues each resource from its history: running, stopped, hibernated, terminated, EFS', () => {
    // 468 h since 1 November
    expect(item('i-a').month_to_date).toBeCloseTo(468 * (0.0416 + 50 * perGbHour), 9);
    expect(item('i-a').today).toBeCloseTo(12 * (0.0416 + 50 * perGbHour), 9);
    expect(item('i-b').month_to_date).toBeCloseTo(216 * 0.1008 + 468 * 100 * perGbHour, 9);
    expect(item('i-b').rate_per_hour).toBeCloseTo(100 * perGbHour, 12);
    expect(item('i-b').state).toBe('stopped');
    expect(item('i-c').month_to_date).toBeCloseTo(
      336 * 0.1323 + 468 * 30 * perGbHour + 132 * 16 * perGbHour,
      9,
    );
    expect(item('i-c').rate_per_hour).toBeCloseTo((30 + 16) * perGbHour, 12);
    expect(item('i-d').month_to_date).toBeCloseTo(10 * 1.006 + 10 * 8 * perGbHour, 9);
    expect(item('i-d')).toMatchObject({ state: 'terminated', rate_per_hour: 0, today: 0 });
    expect(item('fs-1')).toMatchObject({ kind: 'file-system', state: 'available' });
    expect(item('fs-1').month_to_date).toBeCloseTo((468 * 200 * 0.3) / 730, 9);
    for (const line of report.items) expect(line.basis).toBe('estimate');
  });

  it('gives lines with equal notes one shared, unchangeable list, and cost --json lists of its own', () => {
    const running = [{ at: '2026-11-01T00:00:00Z', state: 'running' as const }];
    const plain = buildCostReport({
      resources: [
        instance({ id: 'i-a', transitions: running }),
        instance({ id: 'i-b', transitions: running }),
      ],
      now,
      catalog: snapshotPriceCatalog,
      timeZone: 'UTC',
    });
    const [first, second] = plain.items;
    expect(first?.notes).not.toHaveLength(0);
    expect(second?.notes).toBe(first?.notes);
    expect(Object.isFrozen(first?.notes)).toBe(true);
    const json = costReportJson(plain).items;
    expect(json[0]?.notes).toEqual(first?.notes);
    expect(json[0]?.notes).not.toBe(first?.notes);
  });

  it('totals the items and projects the month from the current burn rate', () => {
    const sum = (pick: (line: (typeof report.items)[number]) => number) =>
      report.items.reduce((total, line) => total + pick(line), 0);
    expect(report.month_to_date).toBeCloseTo(
      sum((line) => line.month_to_date),
      9,
    );
    expect(report.burn_rate_per_hour).toBeCloseTo(
      sum((line) => line.rate_per_hour),
      12,
    );
    expect(report.projected_month).toBeCloseTo(report.month_to_date + 252 * report.burn_rate_per_hour, 9);
    expect(report.month).toEqual({ from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' });
    expect(report.items[0]?.id).toBe('i-c');
  });

  it('reports what stopping and hibernating saved per workstation', () => {
    expect(item('i-b').saved_this_month).toBeCloseTo(252 * 0.1008, 9);
    expect(item('i-b').stopped_hours_this_month).toBe(252);
    expect(item('i-c').saved_this_month).toBeCloseTo(132 * 0.1323 - 132 * 16 * perGbHour, 9);
    expect(item('i-a').saved_this_month).toBe(0);
  });

  it('applies discounts, spot prices and a --since/--until window', () => {
    const discounted = buildCostReport({
      resources: [resources[0]!],
      now,
      catalog: snapshotPriceCatalog,
      timeZone: 'UTC',
      discounts: { ec2: 10, ebs: 50 },
      window: timeWindow('2026-11-10T00:00:00Z', '2026-11-11T00:00:00Z'),
    });
    expect(discounted.burn_rate_per_hour).toBeCloseTo(0.0416 * 0.9 + 25 * perGbHour, 12);
    expect(discounted.window?.total).toBeCloseTo(24 * discounted.burn_rate_per_hour, 9);
    expect(discounted.items[0]?.notes.join(' ')).toMatch(/10% discount/);
    const spot = buildCostReport({
      resources: [
        instance({
          transitions: [{ at: '2026-11-20T00:00:00Z', state: 'running' }],
          spot_price: { usd_per_hour: 0.02, source: 'spot', as_of: '2026-11-20T00:00:00Z' },
        }),
      ],
      now,
      catalog: snapshotPriceCatalog,
      timeZone: 'UTC',
    });
    expect(spot.items[0]?.price_source).toBe('spot');
    expect(spot.today).toBeCloseTo(12 * (0.02 + 50 * perGbHour), 9);
  });

  it('counts today and the month in the given time zone', () => {
    const berlin = buildCostReport({
      resources: [resources[0]!],
      now: new Date('2026-11-30T23:30:00Z'),
      catalog: snapshotPriceCatalog,
      timeZone: 'Europe/Berlin',
    });
    // 00:30 on 1 December in Berlin: half an hour into the day and the month
    const rate = 0.0416 + 50 * perGbHour;
    expect(berlin.today).toBeCloseTo(0.5 * rate, 9);
    expect(berlin.month_to_date).toBeCloseTo(0.5 * rate, 9);
    expect(() =>
      buildCostReport({ resources, now, catalog: snapshotPriceCatalog, timeZone: 'Nowhere/Land' }),
    ).toThrow(/unknown time zone/);
  });

  it('notes what it cannot price instead of guessing, and leaves out what ended before the month', () => {
    const unknown = buildCostReport({
      resources: [
        instance({
          instance_type: 'x9.mega',
          transitions: [{ at: '2026-11-20T00:00:00Z', state: 'running' }],
        }),
      ],
      now,
      catalog: snapshotPriceCatalog,
      timeZone: 'UTC',
    });
    expect(unknown.items[0]?.rate_per_hour).toBeCloseTo(50 * perGbHour, 12);
    expect(unknown.notes).toContain('no price for x9.mega in us-east-1: compute not counted');
    const gone = buildCostReport({
      resources: [
        instance({
          transitions: [
            { at: '2026-10-01T00:00:00Z', state: 'running' },
            { at: '2026-10-02T00:00:00Z', state: 'terminated' },
          ],
        }),
      ],
      now,
      catalog: snapshotPriceCatalog,
      timeZone: 'UTC',
    });
    expect(gone.items).toEqual([]);
  });

  it('carries the budget status, blocking launches past a block threshold', () => {
    const budget = budgetSchema.parse({ monthly_limit: 200, actions: { '50': 'block' } });
    const withBudget = buildCostReport({
      resources,
      now,
      catalog: snapshotPriceCatalog,
      timeZone: 'UTC',
      budget,
    });
    expect(withBudget.budget?.spent).toBe(withBudget.month_to_date);
    expect(withBudget.budget?.blocks_launch).toBe(true);
    expect(withBudget.budget?.block_reason).toMatch(/at 50% the budget blocks new launches/);
  });
});

describe('buildCostReportInSlices', () => {
  it('builds the same report as in one go, letting a keypress in between its slices', async () => {
    const many = Array.from({ length: 400 }, (_, index) =>
      instance({
        id: `i-${index}`,
        name: `ws-${index}`,
        transitions: [{ at: '2026-11-01T00:00:00Z', state: index % 3 ? 'running' : 'stopped' }],
      }),
    );
    let clock = 0;
    // Each resource takes 1 ms on this clock: a slice of 4 ms holds 4 of them.
    const slicer = new TimeSlicer(4, () => clock++);
    let keysRead = 0;
    const keys = setInterval(() => keysRead++, 0);
    const sliced = await buildCostReportInSlices(
      { resources: many, now, catalog: snapshotPriceCatalog, timeZone: 'UTC' },
      slicer,
    );
    clearInterval(keys);
    expect(keysRead).toBeGreaterThan(0);
    expect(sliced).toEqual(
      buildCostReport({ resources: many, now, catalog: snapshotPriceCatalog, timeZone: 'UTC' }),
    );
  });
});

describe('cost --json', () => {
  const budget = budgetSchema.parse({ monthly_limit: 500 });
  const report = buildCostReport({ resources, now, catalog: snapshotPriceCatalog, timeZone: 'UTC', budget });
  const json = costReportJson(report);

  it('has the fields the issue names, amounts in USD rounded to cents', () => {
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining([
        'burn_rate_per_hour',
        'today',
        'month_to_date',
        'projected_month',
        'budget',
        'items',
      ]),
    );
    expect(json.month_to_date).toBe(roundUsd(report.month_to_date));
    expect(json.budget).toMatchObject({ monthly_limit: 500, level: 'ok', blocks_launch: false });
    expect(json.billed).toBeNull();
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('agrees to the cent with what the panel shows through formatUsd', () => {
    const shown = (amount: number) => Number(formatUsd(amount).replace(/[$,]/g, ''));
    expect(json.today).toBe(shown(report.today));
    expect(json.projected_month).toBe(shown(report.projected_month));
    const items = json.items as { id: string; month_to_date: number; today: number; rate_per_hour: number }[];
    for (const line of report.items) {
      const printed = items.find((candidate) => candidate.id === line.id)!;
      expect(printed.month_to_date).toBe(shown(line.month_to_date));
      expect(printed.today).toBe(shown(line.today));
      expect(`$${printed.rate_per_hour.toFixed(4)}/h`).toBe(formatUsdPerHour(line.rate_per_hour));
    }
  });
});

describe('a simulated month', () => {
  it('never lowers month-to-date, and a projection made after the last change is the final spend', () => {
    const monthEnd = new Date('2026-12-01T00:00:00Z');
    let previous = 0;
    let projectionAfterLastChange: number | undefined;
    for (let hour = 1; hour <= 720; hour += 1) {
      const at = new Date(Date.UTC(2026, 10, 1) + hour * 3_600_000 - 1);
      const report = buildCostReport({ resources, now: at, catalog: snapshotPriceCatalog, timeZone: 'UTC' });
      expect(report.month_to_date).toBeGreaterThanOrEqual(previous - 1e-9);
      previous = report.month_to_date;
      if (hour === 15 * 24 + 1) projectionAfterLastChange = report.projected_month;
    }
    const final = buildCostReport({
      resources,
      now: monthEnd,
      catalog: snapshotPriceCatalog,
      timeZone: 'UTC',
    });
    // at midnight on 1 December the month is the new one; the last report of November is `previous`
    expect(final.month_to_date).toBe(0);
    expect(roundUsd(projectionAfterLastChange!)).toBe(roundUsd(previous));
  });
});

describe('cost resources from the ports', () => {
  it('reconstructs a history from the launch time when AWS gives none, and says so', () => {
    const base: Instance = {
      id: 'i-x',
      name: 'x',
      region: 'us-east-1',
      state: 'stopped',
      instance_type: 't3.micro',
      architecture: 'x86_64',
      image_id: 'ami-1',
      launched_at: '2026-11-01T00:00:00Z',
      spot: true,
      hibernation_configured: true,
      hibernated: true,
      root_volume_gb: 8,
      root_volume_type: 'gp3',
      tags: {},
      transitions: [],
    };
    const spot = { usd_per_hour: 0.003, source: 'spot' as const, as_of: '2026-11-01T00:00:00Z' };
    const resource = costResourceFromInstance(base, spot);
    expect(resource).toMatchObject({
      spot: true,
      transitions: [{ at: '2026-11-01T00:00:00Z', state: 'hibernated' }],
      history_note: 'no state history: taken to be hibernated since launch',
      spot_price: spot,
    });
    const fileSystem = costResourceFromFileSystem({
      id: 'fs-1',
      name: 'shared',
      region: 'us-east-1',
      state: 'available',
      size_bytes: 5 * 1024 ** 3,
      created_at: '2026-11-01T00:00:00Z',
      tags: {},
    });
    expect(fileSystem.size_gb).toBe(5);
    const unknownSpot = buildCostReport({
      resources: [costResourceFromInstance(base)],
      now,
      catalog: snapshotPriceCatalog,
      timeZone: 'UTC',
    });
    expect(unknownSpot.items[0]?.notes).toContain(
      'spot instance priced on demand (an upper bound): its spot price is not known',
    );
  });
});
