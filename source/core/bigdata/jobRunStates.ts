import type { JobRunState } from './ports.js';

/** The states a run ends in. */
export const FINAL_JOB_RUN_STATES: readonly JobRunState[] = ['SUCCESS', 'FAILED', 'CANCELLED'];

export function isFinalJobRunState(state: JobRunState): boolean {
  return FINAL_JOB_RUN_STATES.includes(state);
}

/** The order a run moves through (CANCELLING may come from any live state, retries go back to PENDING). */
const NEXT: Record<JobRunState, readonly JobRunState[]> = {
  SUBMITTED: ['PENDING', 'SCHEDULED', 'QUEUED', 'RUNNING', 'FAILED', 'CANCELLING', 'CANCELLED'],
  PENDING: ['SCHEDULED', 'QUEUED', 'RUNNING', 'FAILED', 'CANCELLING', 'CANCELLED'],
  QUEUED: ['SCHEDULED', 'RUNNING', 'FAILED', 'CANCELLING', 'CANCELLED'],
  SCHEDULED: ['RUNNING', 'FAILED', 'CANCELLING', 'CANCELLED'],
  RUNNING: ['SUCCESS', 'FAILED', 'PENDING', 'CANCELLING'],
  CANCELLING: ['CANCELLED', 'FAILED', 'SUCCESS'],
  SUCCESS: [],
  FAILED: [],
  CANCELLED: [],
};

/** Whether a run seen in `from` can next be seen in `to` (a poll may skip states, never go back). */
export function canMoveTo(from: JobRunState, to: JobRunState): boolean {
  if (from === to) return true;
  const seen = new Set<JobRunState>();
  const queue: JobRunState[] = [from];
  while (queue.length > 0) {
    const state = queue.shift()!;
    for (const next of NEXT[state]) {
      if (next === to) return true;
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return false;
}

/** Why a run cannot be cancelled, or undefined when it can. */
export function cancelRefusal(state: JobRunState): string | undefined {
  if (isFinalJobRunState(state)) return `the run has already ended (${state})`;
  if (state === 'CANCELLING') return 'the run is already being cancelled';
  return undefined;
}
