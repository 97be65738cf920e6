import { lstat } from 'node:fs/promises';
import { CliError } from '../../commands/CliError.js';
import { CloudError } from '../../core/CloudError.js';
import { resolveAppPaths } from '../../core/paths.js';
import { defaultSocketPath } from '../../server/claimSocketPath.js';
import { type ServeClient, serveClient } from './ServeClient.js';

const START_ONE = 'start one with `cws-tui serve` in another terminal, or run cws-tui without --attach';

/**
 * `cws-tui --attach`: the running serve of this user, found at its socket in the state dir, or a
 * plain message (before the screen opens) saying why there is none to attach to.
 */
export async function connectToServe(
  env: NodeJS.ProcessEnv,
  uid = process.getuid?.() ?? -1,
): Promise<ServeClient> {
  const socketPath = defaultSocketPath(resolveAppPaths(env).stateDir);
  const found = await lstat(socketPath).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT')
      throw new CliError(`no cws-tui serve is running: ${socketPath} does not exist; ${START_ONE}`);
    if (error.code === 'EACCES')
      throw new CliError(`cannot reach ${socketPath}: its folder belongs to another user; ${START_ONE}`);
    throw new CliError(`cannot read ${socketPath}: ${error.message}`);
  });
  if (found.isSymbolicLink() || !found.isSocket())
    throw new CliError(`${socketPath} is not a cws-tui serve socket (it is not a socket); ${START_ONE}`);
  if (uid >= 0 && found.uid !== uid)
    throw new CliError(
      `the cws-tui serve on ${socketPath} belongs to uid ${found.uid}, not to you (uid ${uid}); ${START_ONE}`,
    );
  const client = serveClient(socketPath);
  try {
    await client.request('GET', '/v1/session');
  } catch (error) {
    if (error instanceof CloudError)
      throw new CliError(`${error.message}${error.hint ? `; ${error.hint}` : ''}`);
    throw error;
  }
  return client;
}
