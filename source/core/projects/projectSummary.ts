import type { CostReportItem } from '../cost/costReport.js';
import type { Workstation } from '../workstations/Workstation.js';
import type { Project, ProjectBudget } from './Project.js';

export interface ProjectSummary {
  name: string;
  description?: string;
  members: string[];
  workstations: Array<{
    name: string;
    state: string;
    instance_type: string;
    research_user?: string;
    hourly_cost?: number;
  }>;
  running: number;
  /** USD per hour of what is running now. */
  burn_per_hour: number;
  month_to_date: number;
  projected_month: number;
  budget?: ProjectBudget & { status: 'ok' | 'alert' | 'over'; used_percent: number };
}

/**
 * A project's resources (by the `cws:project` tag), what they cost this month (the one cost
 * report's lines for them) and where that stands against the project's budget.
 */
export function projectSummary(
  project: Project,
  budget: ProjectBudget | undefined,
  workstations: readonly Workstation[],
  costItems: readonly CostReportItem[],
): ProjectSummary {
  const own = workstations.filter((w) => w.project === project.name && w.state !== 'terminated');
  const ids = new Set(workstations.filter((w) => w.project === project.name).map((w) => w.id));
  const items = costItems.filter((item) => ids.has(item.id));
  const monthToDate = items.reduce((sum, item) => sum + item.month_to_date, 0);
  const projected = items.reduce((sum, item) => sum + item.projected_month, 0);
  const running = own.filter((w) => w.state === 'running');
  const summary: ProjectSummary = {
    name: project.name,
    ...(project.description ? { description: project.description } : {}),
    members: project.members,
    workstations: own.map((w) => ({
      name: w.name,
      state: w.state,
      instance_type: w.instance_type,
      ...(w.research_user ? { research_user: w.research_user } : {}),
      ...(w.hourly_cost !== undefined ? { hourly_cost: w.hourly_cost } : {}),
    })),
    running: running.length,
    burn_per_hour: running.reduce((sum, w) => sum + (w.hourly_cost ?? 0), 0),
    month_to_date: monthToDate,
    projected_month: projected,
  };
  if (budget) {
    const usedPercent = (projected / budget.monthly_usd) * 100;
    summary.budget = {
      ...budget,
      used_percent: usedPercent,
      status:
        monthToDate >= budget.monthly_usd ? 'over' : usedPercent >= budget.alert_percent ? 'alert' : 'ok',
    };
  }
  return summary;
}
