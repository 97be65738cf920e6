import type { CostReportItem } from '../../core/cost/costReport.js';
import type { LoadedCostReport } from '../../core/cost/loadCostReport.js';
import { HOUR_MS } from '../../core/cost/TimeWindow.js';
import type { ResearchUser } from '../../core/identity/ResearchUser.js';
import { LaunchRecordStore } from '../../core/launch/LaunchRecordStore.js';
import type { LaunchCheckContext } from '../../core/launch/launchChecks.js';
import type { CallerIdentity, Instance } from '../../core/ports.js';
import { TAG } from '../../core/ports.js';
import { FileProjectStore } from '../../core/projects/FileProjectStore.js';
import { projectBudgetBlock } from '../../core/projects/projectBudgetBlock.js';
import type { TemplateRegistry } from '../../core/templates/TemplateRegistry.js';
import type { CloudSessionOptions } from './CloudSessionOptions.js';
import type { SessionCostRequest } from './SessionCostRequest.js';

/** What the launch facts are read from: the session's options and its cached lookups. */
export interface LaunchFactsSource {
  options: CloudSessionOptions;
  templates(): Promise<TemplateRegistry>;
  callerIdentity(): Promise<CallerIdentity>;
  researchUser(identity: CallerIdentity): Promise<ResearchUser>;
  costReport(request: SessionCostRequest): Promise<LoadedCostReport>;
}

export interface LaunchFacts {
  check: LaunchCheckContext;
  registry: TemplateRegistry;
  identity: CallerIdentity;
  /** Why a budget past a `block` threshold refuses launches now. */
  blocked?: string;
}

/**
 * The facts every launch check uses, gathered once for the launch and for its preview alike: list
 * prices with the profile's discounts, spot prices, this month's spend, and whether a budget past
 * a `block` threshold refuses launches now.
 */
export async function gatherLaunchFacts(source: LaunchFactsSource): Promise<LaunchFacts> {
  const { options } = source;
  const registry = await source.templates();
  const identity = await source.callerIdentity();
  const researchUser = await source.researchUser(identity);
  await options.livePrices?.();
  const { discounts, spotPrices } = options;
  const { spend, blocked } = await launchSpend(source);
  return {
    registry,
    identity,
    ...(blocked ? { blocked } : {}),
    check: {
      account: options.account,
      profile: options.profile,
      researchUser,
      prices: options.prices,
      ...(discounts ? { discounts } : {}),
      ...(spotPrices ? { spotPrice: (type, region) => spotPrices.currentSpotPrice(type, region) } : {}),
      records: new LaunchRecordStore(options.paths.stateDir),
      ...(spend ? { spend } : {}),
    },
  };
}

/**
 * This month's spend, for the policy's monthly budget rule, when the policy or the profile has a
 * budget. A profile budget past a `block` threshold refuses the launch here, with its reason.
 */
async function launchSpend(
  source: LaunchFactsSource,
): Promise<{ spend?: LaunchCheckContext['spend']; blocked?: string }> {
  const { profile, budget } = source.options;
  if (profile.policy.monthly_budget === undefined && !budget) return {};
  const now = new Date();
  const { report } = await source.costReport({ fireAlerts: false, now });
  return {
    spend: {
      month_to_date: report.month_to_date,
      projected_month: report.projected_month,
      hours_left_in_month: Math.max(0, (Date.parse(report.month.to) - now.getTime()) / HOUR_MS),
    },
    ...(report.budget?.block_reason ? { blocked: report.budget.block_reason } : {}),
  };
}

/** What a budget's spend is summed from: the managed instances and this month's cost report. */
export async function budgetFacts(
  source: Pick<LaunchFactsSource, 'options' | 'costReport'>,
): Promise<{ instances: Instance[]; items: CostReportItem[] }> {
  const { account, info } = source.options;
  const [{ items: instances }, { report }] = await Promise.all([
    account.compute.listInstances({ regions: info.regions, tags: { [TAG.managed]: 'true' } }),
    source.costReport({ fireAlerts: false, now: new Date() }),
  ]);
  return { instances, items: report.items };
}

/** A project over its budget this month takes no new workstations. */
export function sessionProjectBudgetBlock(
  source: Pick<LaunchFactsSource, 'options' | 'costReport'>,
  project: string | undefined,
): Promise<string | undefined> {
  const budgets = new FileProjectStore(source.options.paths.stateDir).budgets();
  return projectBudgetBlock(project, budgets, () => budgetFacts(source));
}
