import type { Instance } from '../ports.js';
import type { BudgetAlert } from './evaluateBudget.js';

/** One workstation a budget alert acts on. */
export interface BudgetActionStep {
  id: string;
  name: string;
  region: string;
  action: 'stop' | 'hibernate';
  /** Why a hibernate alert stops this one instead. */
  note?: string;
  /** What it stops: a workstation (when absent) or an HPC cluster's compute fleet (id = cluster name). */
  target?: 'instance' | 'hpc-compute-fleet';
}

/**
 * The workstations a `stop` or `hibernate` alert acts on: every running instance. An instance that
 * was not launched with hibernation cannot hibernate, so a hibernate alert stops it (saying so).
 * Warn and block alerts act on none.
 */
export function budgetActionPlan(alert: BudgetAlert, instances: readonly Instance[]): BudgetActionStep[] {
  if (alert.action !== 'stop' && alert.action !== 'hibernate') return [];
  return instances
    .filter((instance) => instance.state === 'running')
    .map((instance): BudgetActionStep => {
      const step: BudgetActionStep = {
        id: instance.id,
        name: instance.name,
        region: instance.region,
        action: alert.action === 'hibernate' && instance.hibernation_configured ? 'hibernate' : 'stop',
      };
      if (alert.action === 'hibernate' && !instance.hibernation_configured) {
        step.note = 'launched without hibernation: it will be stopped';
      }
      return step;
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
