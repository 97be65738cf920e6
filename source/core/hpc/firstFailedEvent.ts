import type { StackFailure } from './ports.js';

export interface StackEventFacts {
  stack: string;
  logical_id: string;
  resource_type: string;
  status: string;
  reason?: string;
  at: string;
}

/** What CloudFormation says about resources it gave up on because another failed: not the cause. */
const CONSEQUENTIAL =
  /Resource creation cancelled|Resource update cancelled|The following resource\(s\) failed to (create|update)/;

/**
 * The first resource that failed, in time order: the cause, where the stack's own status
 * (ROLLBACK_COMPLETE) and later events only say that everything after it was rolled back.
 */
export function firstFailedEvent(events: readonly StackEventFacts[]): StackFailure | undefined {
  const failed = events
    .filter((event) => event.status.endsWith('_FAILED') && !CONSEQUENTIAL.test(event.reason ?? ''))
    .sort((a, b) => a.at.localeCompare(b.at));
  const first = failed[0];
  if (!first) return undefined;
  return {
    stack: first.stack,
    logical_id: first.logical_id,
    resource_type: first.resource_type,
    reason: first.reason ?? 'no reason given',
    at: first.at,
  };
}
