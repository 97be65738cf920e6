import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CostReportItem } from '../../../source/core/cost/costReport.js';
import type { Instance } from '../../../source/core/ports.js';
import { FileProjectStore } from '../../../source/core/projects/FileProjectStore.js';
import { projectBudgetBlock } from '../../../source/core/projects/projectBudgetBlock.js';

function instance(id: string, project: string): Instance {
  return {
    id,
    name: id,
    region: 'us-east-1',
    state: 'running',
    instance_type: 't3.medium',
    architecture: 'x86_64',
    image_id: 'ami-1',
    launched_at: '2026-12-01T00:00:00Z',
    spot: false,
    hibernation_configured: false,
    hibernated: false,
    root_volume_gb: 20,
    root_volume_type: 'gp3',
    tags: { 'cws:project': project },
    transitions: [],
  };
}

function item(id: string, monthToDate: number): CostReportItem {
  return {
    id,
    name: id,
    kind: 'instance',
    region: 'us-east-1',
    state: 'running',
    basis: 'estimate',
    price_source: 'snapshot',
    rate_per_hour: 0.05,
    today: 0,
    month_to_date: monthToDate,
    projected_month: monthToDate * 2,
    saved_this_month: 0,
    stopped_hours_this_month: 0,
    hibernated_hours_this_month: 0,
    notes: [],
  };
}

describe('projectBudgetBlock', () => {
  it("refuses a launch once the project's spend this month reaches its budget, counting only its own workstations", async () => {
    const store = new FileProjectStore(mkdtempSync(join(tmpdir(), 'cws-projects-')));
    await store.budgets().set('genomics', { monthly_usd: 100, alert_percent: 80 });
    const facts = (spent: number) => async () => ({
      instances: [instance('i-1', 'genomics'), instance('i-2', 'other')],
      items: [item('i-1', spent), item('i-2', 1_000)],
    });
    expect(await projectBudgetBlock('genomics', store.budgets(), facts(99.99))).toBeUndefined();
    expect(await projectBudgetBlock('genomics', store.budgets(), facts(100))).toBe(
      'the project genomics has spent $100.00 of its $100.00 budget this month: it takes no new workstations',
    );
  });

  it('asks nothing for a launch without a project or a project without a budget', async () => {
    const store = new FileProjectStore(mkdtempSync(join(tmpdir(), 'cws-projects-')));
    const never = async () => {
      throw new Error('not asked');
    };
    expect(await projectBudgetBlock(undefined, store.budgets(), never)).toBeUndefined();
    expect(await projectBudgetBlock('unbudgeted', store.budgets(), never)).toBeUndefined();
  });
});
