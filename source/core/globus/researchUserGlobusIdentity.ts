import type { GlobusIdentity } from '../identity/ResearchUser.js';
import type { GlobusSession } from './GlobusSession.js';

/** What a research user keeps of a verified sign-in: the Globus sub and username, never a token. */
export function researchUserGlobusIdentity(session: GlobusSession, now: Date): GlobusIdentity {
  const { identity } = session;
  const institution = identity.organization ?? identity.identity_provider_display_name;
  return {
    sub: identity.sub,
    username: identity.username,
    ...(institution !== undefined ? { institution } : {}),
    verified_at: now.toISOString(),
  };
}
