import type { PriceCatalog } from '../cost/PriceCatalog.js';
import { HOUR_MS } from '../cost/TimeWindow.js';
import type { Instance } from '../ports.js';

export const IDLE_TAG = {
  action: 'cws:idle-action',
  at: 'cws:idle-at',
  reason: 'cws:idle-reason',
  since: 'cws:idle-since',
} as const;

export interface IdleSaving {
  workstation: string;
  action: string;
  at: string;
  stopped_hours: number;
  usd: number;
}

/**
 * What idle actions saved this month: for each workstation the idle agent stopped or hibernated
 * (its `cws:idle-at` tag) and that is still stopped, the compute it did not pay for since then (or
 * since the month began). Storage is billed either way, so it is not counted.
 */
export function idleSavings(
  instances: readonly Instance[],
  prices: PriceCatalog,
  window: { from: Date; to: Date },
): { savings: IdleSaving[]; total_usd: number } {
  const savings: IdleSaving[] = [];
  for (const instance of instances) {
    const at = instance.tags[IDLE_TAG.at];
    const action = instance.tags[IDLE_TAG.action];
    if (!at || !action || instance.state !== 'stopped') continue;
    const since = Math.max(Date.parse(at), window.from.getTime());
    if (!Number.isFinite(since) || since >= window.to.getTime()) continue;
    const hours = (window.to.getTime() - since) / HOUR_MS;
    const hourly = prices.instanceHourly(instance.instance_type, instance.region)?.usd_per_hour ?? 0;
    savings.push({ workstation: instance.name, action, at, stopped_hours: hours, usd: hours * hourly });
  }
  return { savings, total_usd: savings.reduce((sum, s) => sum + s.usd, 0) };
}
