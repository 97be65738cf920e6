import { gunzipSync } from 'node:zlib';
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

/** The stages the boot script announces (`cws_mark <stage>`), so the demo can replay them. */
export function progressStagesOf(userDataBase64: string): string[] {
  let bytes = Buffer.from(userDataBase64, 'base64');
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  const stages: string[] = [];
  for (const match of bytes.toString('utf8').matchAll(/^\s*cws_mark\s+([a-z0-9][a-z0-9_-]*)/gm)) {
    const stage = match[1];
    if (stage && !stages.includes(stage)) stages.push(stage);
  }
  return stages;
}
