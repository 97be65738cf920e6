import type { AuditEvent } from '../audit/appendAuditEvent.js';
import { nodeCrypto } from '../crypto/nodeCrypto.js';
import type { TeamItem, TeamStore } from './TeamStore.js';
import { teamKeys } from './teamItemKeys.js';

/** Appends an audit event to the lab's log in the store (a new item each time: never rewritten). */
export async function appendTeamAudit<Event extends AuditEvent>(
  store: TeamStore,
  event: Event,
  by: string,
  now: Date = new Date(),
): Promise<void> {
  const at = now.toISOString();
  await store.put(
    {
      ...teamKeys.audit(at, nodeCrypto().randomUUID().slice(0, 8)),
      at,
      by,
      event: JSON.parse(JSON.stringify(event)) as TeamItem[string],
    },
    { exists: false },
  );
}

/** The lab's audit events of a month (`2026-12`), oldest first. */
export async function listTeamAudit(store: TeamStore, month: string): Promise<TeamItem[]> {
  return store.query(`AUDIT#${month}`);
}
