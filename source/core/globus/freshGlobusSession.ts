import { GlobusAuthError } from './GlobusAuthError.js';
import type { GlobusSession } from './GlobusSession.js';
import type { GlobusSessionStore } from './GlobusSessionStore.js';
import type { GlobusAuthPort } from './ports.js';

/** Tokens this close to expiry are refreshed first, so that a call made with them does not fail. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * The stored session with tokens good for a while: refreshed (and stored again) when they are about
 * to expire. Undefined when nobody signed in; refused when the tokens expired and cannot be renewed.
 */
export async function freshGlobusSession(
  store: GlobusSessionStore,
  port: GlobusAuthPort,
  now: Date,
): Promise<GlobusSession | undefined> {
  const session = await store.read();
  if (!session) return undefined;
  if (new Date(session.tokens.expires_at).getTime() - now.getTime() > REFRESH_MARGIN_MS) return session;
  if (session.tokens.refresh_token === undefined) {
    throw new GlobusAuthError("the Globus sign-in expired and cannot be renewed: run 'cws-tui globus login'");
  }
  const refreshed = await port.refresh(session, now);
  await store.write(refreshed);
  return refreshed;
}
