import { join } from 'node:path';
import { createResearchUser } from '../../core/identity/createResearchUser.js';
import type { ResearchUser } from '../../core/identity/ResearchUser.js';
import { ResearchUserStoreError } from '../../core/identity/ResearchUserStoreError.js';
import type { CallerIdentity } from '../../core/ports.js';
import type { CloudSessionOptions } from './CloudSessionOptions.js';
import { defaultResearchUsername } from './defaultResearchUsername.js';

/**
 * The profile's research user; a profile without one launches as a user named after the login
 * name, created on first use with a UID of this account's range and a new key pair.
 */
export async function ensureResearchUser(
  options: Pick<CloudSessionOptions, 'users' | 'paths' | 'env' | 'audit' | 'info'>,
  identity: CallerIdentity,
): Promise<ResearchUser> {
  const { users, paths, env, info } = options;
  const wanted = info.research_user ?? defaultResearchUsername(env);
  const existing = await users.get(wanted);
  if (existing) return existing;
  if (info.research_user) {
    throw new Error(
      `the research user '${wanted}' of profile '${info.profile}' does not exist; create it with 'cws-tui users create ${wanted}'`,
    );
  }
  try {
    const created = await createResearchUser(users, join(paths.stateDir, 'keys'), identity.account, {
      username: wanted,
    });
    const { username, uid } = created.user;
    await options.audit({ action: 'user-created', username, uid, profile: info.profile });
    return created.user;
  } catch (error) {
    // Parallel first launches all try to create the user: the one that lost uses the winner's.
    const winner = error instanceof ResearchUserStoreError ? await users.get(wanted) : undefined;
    if (winner) return winner;
    throw error;
  }
}
