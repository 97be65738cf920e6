import type { StateTransition } from '../ports.js';
import { HOUR_MS, type TimeWindow } from './TimeWindow.js';

/** The billable hours of one resource inside a window, split by what AWS charges for. */
export interface UsageHours {
  /** Hours its compute was billed: running, and stopping on the way to hibernation. */
  compute: number;
  /** Hours it existed (volumes billed): from its first transition until it was terminated. */
  storage: number;
  /** Hours it was hibernated (RAM snapshot billed). */
  hibernation: number;
  /** Hours it was stopped without hibernation. */
  stopped: number;
}

function sortedByTime(history: readonly StateTransition[]): readonly StateTransition[] {
  for (let index = 1; index < history.length; index += 1) {
    if ((history[index]?.at ?? '') < (history[index - 1]?.at ?? '')) {
      return [...history].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    }
  }
  return history;
}

/**
 * Splits a resource's state history (oldest first, each state lasting until the next transition, the
 * last one until the window ends) into billable hours inside the window. Before its first transition
 * the resource did not exist. EC2 does not bill compute while an instance is pending, stopping to a
 * plain stop or shutting down, but it does while the instance writes its RAM out for hibernation.
 */
export function usageHours(history: readonly StateTransition[], window: TimeWindow): UsageHours {
  const usage: UsageHours = { compute: 0, storage: 0, hibernation: 0, stopped: 0 };
  const windowStart = window.from.getTime();
  const windowEnd = window.to.getTime();
  const ordered = sortedByTime(history);
  for (let index = 0; index < ordered.length; index += 1) {
    const transition = ordered[index]!;
    const next = ordered[index + 1];
    if (transition.state === 'terminated') continue;
    const start = Math.max(Date.parse(transition.at), windowStart);
    const end = Math.min(next ? Date.parse(next.at) : windowEnd, windowEnd);
    if (!(end > start)) continue;
    const hours = (end - start) / HOUR_MS;
    usage.storage += hours;
    if (transition.state === 'running' || (transition.state === 'stopping' && next?.state === 'hibernated')) {
      usage.compute += hours;
    } else if (transition.state === 'hibernated') {
      usage.hibernation += hours;
    } else if (transition.state === 'stopped') {
      usage.stopped += hours;
    }
  }
  return usage;
}
