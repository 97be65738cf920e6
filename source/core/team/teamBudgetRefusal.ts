import { actionAt } from '../cost/Budget.js';
import type { CostReportItem } from '../cost/costReport.js';
import { formatUsd } from '../cost/formatUsd.js';
import { LaunchError } from '../launch/LaunchError.js';
import { LaunchRefusedError } from '../launch/LaunchRefusedError.js';
import type { Instance } from '../ports.js';
import { TAG } from '../ports.js';
import type { TeamStore } from './TeamStore.js';
import { teamBudget } from './teamBudgets.js';

export interface BudgetedLaunch {
  research_user: string;
  project?: string | undefined;
}

/** What a budget's spend is summed from: the account's managed instances and the month's cost report. */
export type BudgetFacts = () => Promise<{ instances: readonly Instance[]; items: readonly CostReportItem[] }>;

const NOTHING_STARTED = 'Retry when the team store can be reached; nothing was started.';

/**
 * Refuses a launch whose user's or project's budget in the team store is spent: its spend this
 * month (the month-to-date of every instance tagged with that user or project, whoever launched it,
 * from the one cost report) has reached the budget's first `block` threshold, or the limit when it
 * has none. A store that cannot be read refuses too: a budget nobody can check is not a budget.
 */
export async function checkTeamBudgets(
  store: TeamStore | undefined,
  unavailable: string | undefined,
  launch: BudgetedLaunch,
  facts: BudgetFacts,
): Promise<void> {
  if (!store) {
    throw new LaunchError(
      'check-policy',
      `the lab's budgets in the team store cannot be checked: ${unavailable ?? 'the store is not available'}`,
      NOTHING_STARTED,
    );
  }
  const scopes = [
    {
      scope: `USER#${launch.research_user}`,
      tag: TAG.researchUser,
      value: launch.research_user,
      typed: `user:${launch.research_user}`,
    },
    ...(launch.project
      ? [
          {
            scope: `PROJECT#${launch.project}`,
            tag: TAG.project,
            value: launch.project,
            typed: `project:${launch.project}`,
          },
        ]
      : []),
  ];
  let budgets: Array<
    (typeof scopes)[number] & { budget: NonNullable<Awaited<ReturnType<typeof teamBudget>>> }
  >;
  try {
    budgets = (
      await Promise.all(
        scopes.map(async (entry) => ({ ...entry, budget: await teamBudget(store, entry.scope) })),
      )
    ).flatMap((entry) => (entry.budget ? [{ ...entry, budget: entry.budget }] : []));
  } catch (error) {
    throw new LaunchError(
      'check-policy',
      `the lab's budgets could not be read from the team store: ${(error as Error).message}`,
      NOTHING_STARTED,
    );
  }
  if (budgets.length === 0) return;
  const { instances, items } = await facts();
  for (const { budget, tag, value, typed } of budgets) {
    const ids = new Set(instances.filter((instance) => instance.tags[tag] === value).map((i) => i.id));
    const spent = items.filter((item) => ids.has(item.id)).reduce((sum, item) => sum + item.month_to_date, 0);
    const blockAt = budget.thresholds.find((threshold) => actionAt(budget, threshold) === 'block') ?? 100;
    const limit = (budget.monthly_limit * blockAt) / 100;
    if (spent < limit) continue;
    throw new LaunchRefusedError(
      `the ${typed} budget is spent: ${formatUsd(spent)} this month of its ${formatUsd(budget.monthly_limit)} limit` +
        (blockAt === 100 ? '' : ` (launches stop at ${blockAt} %: ${formatUsd(limit)})`),
      `An admin can raise it: cws-tui team budget ${typed} <USD>`,
    );
  }
}
