import type { InstanceState } from '../../core/ports.js';
import type { DemoInstance } from './demoState.js';

/** The demo instance's state at `now`, from its scheduled transitions. */
export function currentState(raw: DemoInstance, now: number): { state: InstanceState; hibernated: boolean } {
  let state: InstanceState = 'pending';
  let hibernated = false;
  for (const t of raw.transitions) {
    if (Date.parse(t.at) > now) break;
    hibernated = t.state === 'hibernated';
    state = t.state === 'hibernated' ? 'stopped' : t.state;
  }
  return { state, hibernated };
}

export function lastTransitionTime(raw: DemoInstance, now: number): number {
  let last = Date.parse(raw.launched_at);
  for (const t of raw.transitions) {
    const at = Date.parse(t.at);
    if (at <= now) last = at;
  }
  return last;
}

export function lastRunningSince(raw: DemoInstance, now: number): number | undefined {
  let since: number | undefined;
  for (const t of raw.transitions) {
    const at = Date.parse(t.at);
    if (at > now) break;
    since = t.state === 'running' ? at : undefined;
  }
  return since;
}

/** When the instance as listed at `now` next looks different: a transition or a boot stage is due. */
export function nextChangeAt(raw: DemoInstance, now: number, stageMs: number): number {
  let next = Number.POSITIVE_INFINITY;
  for (const t of raw.transitions) {
    const at = Date.parse(t.at);
    if (at > now) next = Math.min(next, at);
  }
  const runningSince = lastRunningSince(raw, now);
  if (runningSince !== undefined) {
    for (let index = 0; index < raw.progress_stages.length; index++) {
      const at = runningSince + (index + 1) * stageMs;
      if (at > now) next = Math.min(next, at);
    }
  }
  return next;
}
