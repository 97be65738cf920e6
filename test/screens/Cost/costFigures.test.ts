import { describe, expect, it } from 'vitest';
import { sparklineBars } from '../../../source/components/sparklineBars.js';
import type { CostReportItem } from '../../../source/core/cost/costReport.js';
import { budgetBar } from '../../../source/screens/Cost/budgetBar.js';
import { spendByService } from '../../../source/screens/Cost/spendByService.js';

describe('sparklineBars', () => {
  it('scales to the dearest value, keeps zero days lowest and keeps the latest values', () => {
    expect(sparklineBars([0, 1, 2, 4, 8])).toBe('▁▂▃▅█');
    expect(sparklineBars([0, 0, 0])).toBe('▁▁▁');
    expect(sparklineBars([])).toBe('');
    expect(sparklineBars([8, 0, 8, 4], 2)).toBe('█▅');
    expect(sparklineBars([0.001, 1000])).toBe('▂█');
  });
});

describe('budgetBar', () => {
  it('shows spent, the projection and what is left, in exactly the width given', () => {
    expect(budgetBar(25, 50, 100, 8)).toBe('██▒▒░░░░');
    expect(budgetBar(0, 0, 100, 4)).toBe('░░░░');
    expect(budgetBar(50, 150, 100, 6)).toBe('███▒▒!');
    expect(budgetBar(200, 300, 100, 5)).toBe('████!');
    expect(budgetBar(10, 10, 100, 0)).toBe('');
  });
});

describe('spendByService', () => {
  const item = (overrides: Partial<CostReportItem>): CostReportItem => ({
    id: 'i-1',
    name: 'ws',
    kind: 'instance',
    region: 'us-east-1',
    state: 'running',
    basis: 'estimate',
    price_source: 'snapshot',
    rate_per_hour: 0.1,
    today: 1,
    month_to_date: 10,
    projected_month: 20,
    saved_this_month: 2,
    stopped_hours_this_month: 0,
    hibernated_hours_this_month: 0,
    notes: [],
    ...overrides,
  });

  it('sums lines per AWS service, the dearest first', () => {
    const rows = spendByService([
      item({ id: 'a' }),
      item({ id: 'b', month_to_date: 5, today: 0.5 }),
      item({ id: 'fs', kind: 'file-system', state: 'available', month_to_date: 30, rate_per_hour: 0.01 }),
    ]);
    expect(rows.map((row) => [row.service, row.resources, row.month_to_date])).toEqual([
      ['EFS file systems', 1, 30],
      ['EC2 workstations', 2, 15],
    ]);
    expect(rows[1]?.today).toBe(1.5);
    expect(rows[1]?.rate_per_hour).toBeCloseTo(0.2);
  });
});
