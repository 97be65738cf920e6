import { BudgetAlertStore, budgetAlertFile } from '../../core/cost/BudgetAlertStore.js';
import { type BudgetActionStep, budgetActionPlan } from '../../core/cost/budgetActionPlan.js';
import type { BudgetAlert } from '../../core/cost/evaluateBudget.js';
import { localTimeZone } from '../../core/cost/localTimeZone.js';
import { zonedMonthKey } from '../../core/cost/zonedCalendar.js';
import { budgetFleetSteps } from '../../core/hpc/budgetFleetSteps.js';
import { TAG } from '../../core/ports.js';
import type { CloudSessionOptions } from './CloudSessionOptions.js';
import { sessionBudgetKey } from './loadSessionCostReport.js';
import { recordBudgetAction } from './recordBudgetAction.js';

/** Acknowledged where the report keeps them: the lab's store, or this machine's file. */
export async function acknowledgeSessionBudgetAlerts(options: CloudSessionOptions): Promise<void> {
  const alerts = options.budgetAlerts;
  const month = zonedMonthKey(new Date(), localTimeZone());
  if (alerts) return alerts.store.acknowledge(alerts.key, month);
  const store = new BudgetAlertStore(budgetAlertFile(options.paths.stateDir));
  await store.acknowledge(sessionBudgetKey(options.info.profile), month);
}

/** What a budget alert's action would stop or hibernate, from the managed instances now. */
export async function sessionBudgetActionPlan(
  options: CloudSessionOptions,
  alert: BudgetAlert,
): Promise<BudgetActionStep[]> {
  const { items } = await options.account.compute.listInstances({
    regions: options.info.regions,
    tags: { [TAG.managed]: 'true' },
  });
  // A cluster listing that fails leaves the workstations' plan whole (the report warns separately).
  const clusters = await Promise.resolve()
    .then(() => options.account.hpc.listClusters(options.info.regions))
    .catch(() => []);
  return [...budgetActionPlan(alert, items), ...budgetFleetSteps(alert, clusters)];
}

/** One step of a budget's action, taken, audited and its leases given back. */
export async function applySessionBudgetAction(
  options: CloudSessionOptions,
  step: BudgetActionStep,
): Promise<void> {
  const { compute } = options.account;
  if (step.target === 'hpc-compute-fleet') {
    await options.account.hpc.setComputeFleet(step.region, step.id, 'STOP_REQUESTED');
    return;
  }
  await compute.stopInstance(step.region, step.id, { hibernate: step.action === 'hibernate' });
  await recordBudgetAction(step, {
    profile: options.profile.name,
    audit: options.audit,
    team: options.team,
    instance: async () =>
      (await compute.listInstances({ regions: [step.region], tags: { [TAG.managed]: 'true' } })).items.find(
        (instance) => instance.id === step.id,
      ),
  });
}
