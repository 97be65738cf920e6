import { userInfo } from 'node:os';
import { usernameProblem } from '../../core/identity/usernameProblem.js';

/** Used when the login name cannot be a research user's name (e.g. `root` or `ubuntu`). */
export const FALLBACK_RESEARCH_USERNAME = 'researcher';

/**
 * The research user a profile without one launches as: the login name made POSIX-safe, so that the
 * same person gets the same name (and UID) on every workstation.
 */
export function defaultResearchUsername(env: NodeJS.ProcessEnv): string {
  let login = env.USER || env.LOGNAME || '';
  if (!login) {
    try {
      login = userInfo().username;
    } catch {
      login = '';
    }
  }
  const candidate = login
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '-')
    .replace(/^[^a-z_]+/, '')
    .slice(0, 32);
  return candidate && !usernameProblem(candidate) ? candidate : FALLBACK_RESEARCH_USERNAME;
}
