import { describe, expect, it } from 'vitest';
import { apportionRounded } from '../../../source/core/cost/apportionRounded.js';
import type { CostReport, CostReportItem } from '../../../source/core/cost/costReport.js';
import { roundCostReport, roundedBurnRate } from '../../../source/core/cost/roundCostReport.js';

const cents = (amounts: readonly number[]) =>
  amounts.reduce((sum, amount) => sum + Math.round(amount * 100), 0);

describe('apportionRounded', () => {
  it('gives three lines of a third of a cent the one cent their total rounds to', () => {
    const lines = apportionRounded([0.0033, 0.0033, 0.0034], 0.01);
    expect(lines).toEqual([0, 0, 0.01]);
    expect(cents(lines)).toBe(1);
  });

  it('keeps lines that already round to their total as they are, and removes binary noise', () => {
    expect(apportionRounded([1.005, 2.25, 0.1], 0.01)).toEqual([1.01, 2.25, 0.1]);
    expect(apportionRounded([], 0.01)).toEqual([]);
  });

  it('always adds up to the rounded total for many small lines', () => {
    const amounts = Array.from({ length: 97 }, (_, n) => ((n * 7919) % 1000) / 100_000);
    const total = amounts.reduce((sum, amount) => sum + amount, 0);
    expect(cents(apportionRounded(amounts, 0.01))).toBe(Math.round(total * 100));
  });
});

function item(name: string, today: number, rate: number): CostReportItem {
  return {
    id: name,
    name,
    kind: 'instance',
    region: 'us-east-1',
    state: 'running',
    basis: 'estimate',
    price_source: 'snapshot',
    rate_per_hour: rate,
    today,
    month_to_date: today,
    projected_month: today * 10,
    saved_this_month: 0,
    stopped_hours_this_month: 0,
    hibernated_hours_this_month: 0,
    notes: [],
  };
}

describe('roundCostReport', () => {
  it('rounds each line so the column adds up to the total, and the burn rate is the sum of the rates shown', () => {
    const items = [item('a', 0.004, 0.04164), item('b', 0.004, 0.04164), item('c', 0.004, 0.00054)];
    const report: CostReport = {
      generated_at: '2026-12-06T01:00:00.000Z',
      time_zone: 'UTC',
      currency: 'USD',
      basis: 'estimate',
      burn_rate_per_hour: 0.08382,
      today: 0.012,
      month_to_date: 0.012,
      projected_month: 0.12,
      saved_this_month: 0,
      month: { from: '2026-12-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' },
      daily: [],
      items,
      notes: [],
    };
    const shown = roundCostReport(report);
    expect(shown.today).toBe(0.01);
    expect(cents(shown.items.map((line) => line.today))).toBe(1);
    expect(shown.items.map((line) => line.rate_per_hour)).toEqual([0.0416, 0.0416, 0.0005]);
    expect(shown.burn_rate_per_hour).toBe(0.0837);
    // The report it came from is untouched.
    expect(items[0]?.today).toBe(0.004);
    // The header's burn rate is the same figure, read without copying the lines.
    expect(roundedBurnRate(report)).toBe(shown.burn_rate_per_hour);
  });
});
