import { formatHourlyAmount } from '../../core/cost/formatUsd.js';
import type { Workstation } from '../../core/workstations/Workstation.js';

/**
 * What a row costs per hour right now. The session prices each row in its current state (compute
 * and storage while running, storage alone when stopped), so this is that figure, or 0 if unknown.
 */
export function currentHourlyCost(workstation: Workstation): number {
  return workstation.hourly_cost ?? 0;
}

/** How long it has been running (ms), from its last move to `running`; undefined when not running. */
export function uptimeMs(workstation: Workstation, now: number): number | undefined {
  if (workstation.state !== 'running') return undefined;
  const transitions = workstation.instance?.transitions ?? [];
  let since = Date.parse(workstation.launched_at);
  for (const transition of transitions) {
    const at = Date.parse(transition.at);
    if (transition.state === 'running' && at <= now) since = at;
  }
  return Number.isFinite(since) ? Math.max(0, now - since) : undefined;
}

/** `45s`, `12m`, `3h04m`, `2d03h`: the two largest units, at most six cells. */
export function formatUptime(ms: number | undefined): string {
  if (ms === undefined) return '-';
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h${String(minutes % 60).padStart(2, '0')}m`;
  const days = Math.floor(hours / 24);
  return `${days}d${String(hours % 24).padStart(2, '0')}h`;
}

/** `$0.0832` for the $/h column, `-` when it costs nothing now or has no known price. */
export function formatHourlyCost(workstation: Workstation): string {
  const cost = currentHourlyCost(workstation);
  if (cost === 0) return '-';
  return formatHourlyAmount(cost);
}

/** The state as the dashboard shows it: hibernation and an unfinished launch made visible. */
export function stateLabel(workstation: Workstation): string {
  if (workstation.state === 'stopped' && workstation.hibernated) return 'hibernated';
  if (workstation.state === 'running' && workstation.progress && workstation.progress !== 'ready') {
    return `running:${workstation.progress}`;
  }
  return workstation.state;
}
