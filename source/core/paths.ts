import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where cws-tui keeps its files. `CWS_CONFIG_DIR` and `CWS_STATE_DIR` override the XDG locations
 * (tests and scripts use them so that nothing touches the real user's files).
 *  - config: profiles, research users, policies, the user's templates
 *  - state: demo account, launch requests, audit log, caches, SSH keys
 */
export interface AppPaths {
  configDir: string;
  stateDir: string;
  /** The user's own templates, searched after the built-ins. */
  userTemplatesDir: string;
  cacheDir: string;
  logFile: string;
}

export function resolveAppPaths(env: NodeJS.ProcessEnv = process.env): AppPaths {
  const home = env.HOME || homedir();
  const configDir = env.CWS_CONFIG_DIR || join(env.XDG_CONFIG_HOME || join(home, '.config'), 'cws-tui');
  const stateDir = env.CWS_STATE_DIR || join(env.XDG_STATE_HOME || join(home, '.local', 'state'), 'cws-tui');
  return {
    configDir,
    stateDir,
    userTemplatesDir: join(configDir, 'templates'),
    cacheDir: join(stateDir, 'cache'),
    logFile: join(stateDir, 'cws-tui.log'),
  };
}
