import type { CostReportItem } from '../cost/costReport.js';
import { formatUsd } from '../cost/formatUsd.js';
import type { Instance } from '../ports.js';
import { TAG } from '../ports.js';
import type { ProjectBudgetStore } from './ProjectStore.js';

/**
 * Why a launch into `project` is refused, or undefined: a project whose spend this month has
 * reached its budget takes no new workstations (the ones it has keep running, as with a profile
 * budget's `block` threshold).
 */
export async function projectBudgetBlock(
  project: string | undefined,
  budgets: ProjectBudgetStore,
  facts: () => Promise<{ instances: readonly Instance[]; items: readonly CostReportItem[] }>,
): Promise<string | undefined> {
  if (!project) return undefined;
  const budget = await budgets.get(project);
  if (!budget) return undefined;
  const { instances, items } = await facts();
  const ids = new Set(instances.filter((i) => i.tags[TAG.project] === project).map((i) => i.id));
  const spent = items.filter((item) => ids.has(item.id)).reduce((sum, item) => sum + item.month_to_date, 0);
  if (spent < budget.monthly_usd) return undefined;
  return `the project ${project} has spent ${formatUsd(spent)} of its ${formatUsd(budget.monthly_usd)} budget this month: it takes no new workstations`;
}
