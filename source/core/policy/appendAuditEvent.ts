import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withFileLock } from '../fs/withFileLock.js';
import { writeFileAtomic } from '../fs/writeFileAtomic.js';
import type { PolicyRequest } from './PolicyRequest.js';
import type { PolicyViolation } from './PolicyVerdict.js';

export const AUDIT_LOG_FILE = 'audit.jsonl';

/** One line of the audit log: an admin launching past the policy, and why. */
export interface AuditEvent {
  time: string;
  kind: 'policy_override';
  profile: string;
  research_user?: string;
  reason: string;
  request: PolicyRequest;
  violations: PolicyViolation[];
  /** The instance or service the override launched, once known. */
  resource_id?: string;
}

/**
 * Appends an event to `audit.jsonl` in the state dir. The file is rewritten atomically under a lock
 * (it stays small), so a crash never leaves half a line and concurrent writers never lose one.
 */
export async function appendAuditEvent(stateDir: string, event: AuditEvent): Promise<void> {
  await mkdir(stateDir, { recursive: true });
  const path = join(stateDir, AUDIT_LOG_FILE);
  await withFileLock(`${path}.lock`, async () => {
    const existing = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
    await writeFileAtomic(path, `${existing}${separator}${JSON.stringify(event)}\n`, 0o600);
  });
}

/** The events of the audit log, oldest first; lines that are not JSON objects are skipped. */
export async function readAuditEvents(stateDir: string): Promise<AuditEvent[]> {
  const text = await readFile(join(stateDir, AUDIT_LOG_FILE), 'utf8').catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    },
  );
  return text.split('\n').flatMap((line) => {
    if (line.trim() === '') return [];
    try {
      const value: unknown = JSON.parse(line);
      return value !== null && typeof value === 'object' ? [value as AuditEvent] : [];
    } catch {
      return [];
    }
  });
}
