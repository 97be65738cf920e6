import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/writeFileAtomic.js';
import type { InvitationPayload } from '../identity/invitationToken.js';
import { TeamConflictError } from './TeamConflictError.js';
import type { TeamStore } from './TeamStore.js';
import { confirmInvitationUse, takeInvitationUse } from './teamInvitations.js';

/** A use of an invitation taken for an accept: given back when it fails, confirmed when it is done. */
export interface InvitationUse {
  giveBack(): Promise<void>;
  /** Never throws: the accept is done, a marker left pending is inert without this machine's file. */
  confirm(): Promise<void>;
}

/** This machine's attempt at accepting an invitation, kept until the accept is done or refused. */
async function attemptFor(
  stateDir: string,
  id: string,
  username: string,
): Promise<{ marker: string; path: string }> {
  const path = join(stateDir, 'invitation-attempts', `${id.replace(/[^A-Za-z0-9_.-]/g, '_')}.json`);
  try {
    const saved = JSON.parse(await readFile(path, 'utf8')) as { username?: unknown; nonce?: unknown };
    if (saved.username === username && typeof saved.nonce === 'string') {
      return { marker: `${username}#${saved.nonce}`, path };
    }
  } catch {
    // None yet (or unreadable): a new attempt.
  }
  const nonce = randomUUID();
  await writeFileAtomic(path, `${JSON.stringify({ username, nonce })}\n`, 0o600);
  return { marker: `${username}#${nonce}`, path };
}

/**
 * Takes a use of an invitation for an accept on this machine. The accept's writes (the use, the
 * research user, the profile) are on different items and machines: the use is marked pending with
 * this machine's attempt, kept in the state dir before the use is taken, so an accept cut short is
 * finished by the next `invite accept` here (it goes on with the use it took), while any other
 * machine is refused as before. Confirming clears the marker and the file.
 */
export async function takeInvitationUseOnce(
  store: TeamStore,
  payload: InvitationPayload,
  username: string,
  stateDir: string,
  now: Date = new Date(),
): Promise<InvitationUse> {
  const attempt = await attemptFor(stateDir, payload.id, username);
  const forget = () => rm(attempt.path, { force: true }).catch(() => undefined);
  let giveBack: () => Promise<void>;
  try {
    giveBack = await takeInvitationUse(store, payload, username, now, attempt.marker);
  } catch (error) {
    if (error instanceof TeamConflictError) await forget();
    throw error;
  }
  return {
    giveBack: async () => {
      await giveBack();
      await forget();
    },
    confirm: async () => {
      await confirmInvitationUse(store, payload.id, attempt.marker).catch(() => undefined);
      await forget();
    },
  };
}
