import type { ResearchUser } from '../../core/identity/ResearchUser.js';
import type { ResearchUserStore } from '../../core/identity/ResearchUserStore.js';
import { SessionError } from './SessionError.js';

/** The research users of the session's store (the team store when the profile has one), by name. */
export async function listResearchUsers(users: ResearchUserStore): Promise<ResearchUser[]> {
  return (await users.list()).sort((a, b) => a.username.localeCompare(b.username));
}

/**
 * Deletes a research user as `users delete` does (its UID is retired, its key files stay), for an
 * admin profile only: a member is refused before anything is read.
 */
export async function deleteResearchUserAs(
  users: ResearchUserStore,
  role: 'admin' | 'member',
  username: string,
): Promise<ResearchUser> {
  if (role !== 'admin') throw new SessionError('only an admin profile can delete research users');
  const user = await users.get(username);
  if (!user || !(await users.delete(username)))
    throw new SessionError(`no research user named '${username}'`);
  return user;
}
