import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppPaths } from '../../core/paths.js';

/** Private key paths the old users file named, read from it (or its imported backup) once. */
function pathsInUsersFiles(configDir: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const name of ['research-users.json', 'research-users.json.imported']) {
    try {
      const data = JSON.parse(readFileSync(join(configDir, name), 'utf8')) as { users?: unknown };
      for (const user of Array.isArray(data.users) ? data.users : []) {
        const { username, ssh_private_key_path: path } = (user ?? {}) as Record<string, unknown>;
        if (typeof username === 'string' && typeof path === 'string' && !found.has(username))
          found.set(username, path);
      }
    } catch {
      // No such file, or one the import reports itself: no key paths from it.
    }
  }
  return found;
}

/**
 * Where this machine keeps a research user's private key, which the team store never holds: the
 * app's keys dir, else the path the old users file recorded (a key made elsewhere), when it is there.
 */
export function localPrivateKeyPath(paths: AppPaths): (username: string) => string | undefined {
  const keysDir = join(paths.stateDir, 'keys');
  let recorded: Map<string, string> | undefined;
  return (username) => {
    const path = join(keysDir, `${username}_ed25519`);
    if (existsSync(path)) return path;
    recorded ??= pathsInUsersFiles(paths.configDir);
    const other = recorded.get(username);
    return other !== undefined && existsSync(other) ? other : undefined;
  };
}
