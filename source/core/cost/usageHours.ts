import type { StateTransition } from '../ports.js';
import type { AccrualState } from './AccrualRates.js';
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

/** A state history with its times parsed once, oldest first: reports read one history many times. */
export interface TimedHistory {
  times: number[];
  states: AccrualState[];
}

export function timedHistory(history: readonly StateTransition[]): TimedHistory {
  const times = history.map((transition) => Date.parse(transition.at));
  const inOrder = times.every((time, index) => index === 0 || time >= (times[index - 1] ?? time));
  if (inOrder) return { times, states: history.map((transition) => transition.state) };
  const order = times.map((_, index) => index).sort((a, b) => (times[a] ?? 0) - (times[b] ?? 0));
  return { times: order.map((index) => times[index]!), states: order.map((index) => history[index]!.state) };
}

/** The state in force at an instant: `terminated` (not existing) before the first transition. */
export function stateAt(history: TimedHistory, at: number): AccrualState {
  let state: AccrualState = 'terminated';
  for (let index = 0; index < history.times.length && history.times[index]! <= at; index += 1) {
    state = history.states[index]!;
  }
  return state;
}

/**
 * Splits a resource's state history (each state lasting until the next transition, the last one
 * until the window ends) into billable hours inside the window. Before its first transition the
 * resource did not exist. EC2 does not bill compute while an instance is pending, stopping to a plain
 * stop or shutting down, but it does while the instance writes its RAM out for hibernation.
 */
export function usageHoursOf(history: TimedHistory, window: TimeWindow): UsageHours {
  const usage: UsageHours = { compute: 0, storage: 0, hibernation: 0, stopped: 0 };
  const windowStart = window.from.getTime();
  const windowEnd = window.to.getTime();
  const { times, states } = history;
  for (let index = 0; index < times.length; index += 1) {
    const state = states[index]!;
    if (state === 'terminated') continue;
    const nextTime = times[index + 1];
    const start = Math.max(times[index]!, windowStart);
    const end = Math.min(nextTime ?? windowEnd, windowEnd);
    if (!(end > start)) continue;
    const hours = (end - start) / HOUR_MS;
    usage.storage += hours;
    if (state === 'running' || (state === 'stopping' && states[index + 1] === 'hibernated')) {
      usage.compute += hours;
    } else if (state === 'hibernated') {
      usage.hibernation += hours;
    } else if (state === 'stopped') {
      usage.stopped += hours;
    }
  }
  return usage;
}

/** `usageHoursOf` for a history as recorded (ISO times, ordered or not). */
export function usageHours(history: readonly StateTransition[], window: TimeWindow): UsageHours {
  return usageHoursOf(timedHistory(history), window);
}
