import { appendFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** What every audit line has; the rest of the event says who did what and why. */
export interface AuditEvent {
  action: string;
}

export function auditLogPath(stateDir: string): string {
  return join(stateDir, 'audit.jsonl');
}

/**
 * Appends an event to the audit log (JSON lines in the state dir). One `O_APPEND` write per event,
 * so concurrent writers never interleave within a line and earlier lines are never rewritten.
 */
export async function appendAuditEvent<Event extends AuditEvent>(
  stateDir: string,
  event: Event,
): Promise<void> {
  const path = auditLogPath(stateDir);
  await mkdir(dirname(path), { recursive: true });
  const line = `${JSON.stringify({ at: new Date().toISOString(), ...event })}\n`;
  await appendFile(path, line, { mode: 0o600 });
}
