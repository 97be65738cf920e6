import { readFile } from 'node:fs/promises';
import { auditLogPath } from '../../source/core/audit/appendAuditEvent.js';

/** The events of the machine's audit log, oldest first. */
export async function readAuditEvents(env: NodeJS.ProcessEnv): Promise<Record<string, unknown>[]> {
  const text = await readFile(auditLogPath(env.CWS_STATE_DIR ?? ''), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
