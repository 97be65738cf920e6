import { describe, expect, it } from 'vitest';
import type { CostReport, CostReportItem } from '../../../source/core/cost/costReport.js';
import { costReportForRegion } from '../../../source/core/cost/costReportForRegion.js';

function item(id: string, region: string, rate: number, today: number, month: number): CostReportItem {
  return {
    id,
    name: id,
    kind: 'instance',
    region,
    instance_type: 't3.medium',
    state: 'running',
    basis: 'estimate',
    price_source: 'snapshot',
    rate_per_hour: rate,
    today,
    month_to_date: month,
    projected_month: month * 3,
    window_total: today,
    saved_this_month: 0.1,
    stopped_hours_this_month: 0,
    hibernated_hours_this_month: 0,
    notes: [],
  };
}

const report = {
  generated_at: '2026-11-20T14:30:00Z',
  time_zone: 'UTC',
  currency: 'USD',
  basis: 'estimate',
  burn_rate_per_hour: 0.1376,
  today: 0.71,
  month_to_date: 3.3,
  projected_month: 9.9,
  saved_this_month: 0.3,
  month: { from: '2026-11-01', to: '2026-12-01' },
  window: { from: '2026-11-20T00:00:00Z', to: '2026-11-20T14:30:00Z', total: 0.71 },
  daily: [{ date: '2026-11-20', amount: 0.71 }],
  items: [
    item('a', 'us-east-1', 0.0416, 0.27, 1.1),
    item('b', 'eu-west-1', 0.0544, 0.33, 1.2),
    item('c', 'us-east-1', 0.0416, 0.11, 1),
  ],
  notes: [],
} as unknown as CostReport;

describe('costReportForRegion', () => {
  it('keeps every line for all regions', () => {
    expect(costReportForRegion(report, undefined)).toBe(report);
  });

  it("keeps one region's lines, its totals their sums, and the account's history", () => {
    const east = costReportForRegion(report, 'us-east-1');
    expect(east.items.map((line) => line.id)).toEqual(['a', 'c']);
    expect(east.burn_rate_per_hour).toBe(0.0832);
    expect(east.today).toBe(0.38);
    expect(east.month_to_date).toBe(2.1);
    expect(east.projected_month).toBe(6.3);
    expect(east.saved_this_month).toBe(0.2);
    expect(east.window?.total).toBe(0.38);
    expect(east.daily).toEqual(report.daily);
  });

  it('has zero totals for a region with nothing in it', () => {
    const west = costReportForRegion(report, 'us-west-2');
    expect(west.items).toEqual([]);
    expect([west.burn_rate_per_hour, west.today, west.month_to_date]).toEqual([0, 0, 0]);
  });
});
