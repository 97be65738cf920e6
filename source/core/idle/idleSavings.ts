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
  /** When it was started again; absent while it is still stopped. */
  restarted_at?: string;
  stopped_hours: number;
  usd: number;
  /** The instance type's price is unknown here: the hours are counted, the dollars are not. */
  price_unknown?: true;
}

export interface IdleSavings {
  savings: IdleSaving[];
  total_usd: number;
}

/** States after which a stopped instance runs (and is billed) again. */
const STARTED = new Set(['pending', 'running']);

/**
 * When the stop the idle agent made at `stoppedAt` ended: the first start after it that the
 * instance's transitions know (the demo account keeps them all; AWS gives the latest, and its
 * LaunchTime is the last start), or undefined while it is still stopped.
 */
function restartedAt(instance: Instance, stoppedAt: number): number | undefined {
  const started = instance.transitions.find(
    (transition) => STARTED.has(transition.state) && Date.parse(transition.at) > stoppedAt,
  );
  if (started) return Date.parse(started.at);
  if (instance.state === 'stopped' || instance.state === 'stopping') return undefined;
  // Running (or gone) with no known start after the stop: AWS's LaunchTime is the last start.
  const launched = Date.parse(instance.launched_at);
  return Number.isFinite(launched) && launched > stoppedAt ? launched : stoppedAt;
}

/**
 * What idle actions saved this month: for each workstation the idle agent stopped or hibernated
 * (its `cws:idle-at` tag), the compute it did not pay for from then (or the month's start) until
 * it was started again (or now). A workstation started again since still counts its stopped hours;
 * a price unknown here is marked, never counted as nothing saved without a word. Storage is billed
 * either way, so it is not counted.
 */
export function idleSavings(
  instances: readonly Instance[],
  prices: PriceCatalog,
  window: { from: Date; to: Date },
): IdleSavings {
  const savings: IdleSaving[] = [];
  for (const instance of instances) {
    const at = instance.tags[IDLE_TAG.at];
    const action = instance.tags[IDLE_TAG.action];
    if (!at || !action) continue;
    const stoppedAt = Date.parse(at);
    if (!Number.isFinite(stoppedAt)) continue;
    const restarted = restartedAt(instance, stoppedAt);
    const from = Math.max(stoppedAt, window.from.getTime());
    const to = Math.min(restarted ?? window.to.getTime(), window.to.getTime());
    if (to <= from) continue;
    const hours = (to - from) / HOUR_MS;
    const hourly = prices.instanceHourly(instance.instance_type, instance.region)?.usd_per_hour;
    savings.push({
      workstation: instance.name,
      action,
      at,
      ...(restarted !== undefined ? { restarted_at: new Date(restarted).toISOString() } : {}),
      stopped_hours: hours,
      usd: hours * (hourly ?? 0),
      ...(hourly === undefined ? { price_unknown: true as const } : {}),
    });
  }
  return { savings, total_usd: savings.reduce((sum, s) => sum + s.usd, 0) };
}
