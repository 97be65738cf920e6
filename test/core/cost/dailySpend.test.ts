import { describe, expect, it } from 'vitest';
import { costResourceFromInstance } from '../../../source/core/cost/CostResource.js';
import { buildCostReport } from '../../../source/core/cost/costReport.js';
import { costReportJson } from '../../../source/core/cost/costReportJson.js';
import { DAILY_SPEND_DAYS, lastZonedDays } from '../../../source/core/cost/dailySpend.js';
import { roundUsd } from '../../../source/core/cost/formatUsd.js';
import { snapshotPriceCatalog } from '../../../source/core/cost/priceTable.js';
import type { Instance } from '../../../source/core/ports.js';

const instance: Instance = {
  id: 'i-0123456789abcdef0',
  name: 'alpha',
  region: 'us-east-1',
  state: 'stopped',
  instance_type: 't3.medium',
  architecture: 'x86_64',
  image_id: 'ami-0123456789abcdef0',
  launched_at: '2026-11-20T00:00:00Z',
  spot: false,
  hibernation_configured: false,
  hibernated: false,
  root_volume_gb: 30,
  root_volume_type: 'gp3',
  tags: {},
  transitions: [
    { at: '2026-11-20T00:00:00Z', state: 'running' },
    { at: '2026-11-21T00:00:00Z', state: 'stopped' },
    { at: '2026-11-25T12:00:00Z', state: 'running' },
  ],
};

describe('lastZonedDays', () => {
  it('gives calendar days oldest first, today ending now', () => {
    const now = new Date('2026-11-26T10:00:00Z');
    const days = lastZonedDays(now, 'UTC', 3);
    expect(days.map((day) => day.date)).toEqual(['2026-11-24', '2026-11-25', '2026-11-26']);
    expect(days[2]?.window).toEqual({ from: new Date('2026-11-26T00:00:00Z'), to: now });
    expect(days[0]?.window.to).toEqual(new Date('2026-11-25T00:00:00Z'));
  });

  it('keeps a 23-hour day one day across a DST change', () => {
    const days = lastZonedDays(new Date('2026-03-09T12:00:00Z'), 'America/New_York', 3);
    expect(days.map((day) => day.date)).toEqual(['2026-03-07', '2026-03-08', '2026-03-09']);
    const dst = days[1]!.window;
    expect((dst.to.getTime() - dst.from.getTime()) / 3_600_000).toBe(23);
  });
});

describe("the cost report's daily spend", () => {
  const now = new Date('2026-11-26T12:00:00Z');
  const report = buildCostReport({
    resources: [costResourceFromInstance(instance)],
    now,
    catalog: snapshotPriceCatalog,
    timeZone: 'UTC',
  });

  it('covers two weeks and adds up to the spend of the days it covers', () => {
    expect(report.daily).toHaveLength(DAILY_SPEND_DAYS);
    expect(report.daily.at(-1)?.amount).toBeCloseTo(report.today, 10);
    const sum = report.daily.reduce((total, day) => total + day.amount, 0);
    // Every day of the resource's life is inside the two weeks and this month.
    expect(sum).toBeCloseTo(report.month_to_date, 10);
    expect(report.daily.find((day) => day.date === '2026-11-19')?.amount).toBe(0);
    const running = report.daily.find((day) => day.date === '2026-11-20')!.amount;
    const stopped = report.daily.find((day) => day.date === '2026-11-22')!.amount;
    expect(running).toBeGreaterThan(stopped);
    expect(stopped).toBeGreaterThan(0);
  });

  it('is printed by cost --json rounded to cents', () => {
    const json = costReportJson(report);
    expect(json.daily).toEqual(report.daily.map((day) => ({ date: day.date, amount: roundUsd(day.amount) })));
  });
});
