import { usernameProblem } from '../identity/usernameProblem.js';
import { shellQuote } from '../provisioning/shellQuote.js';

export const ROOT = 'root';

/**
 * The script SSM runs (as root) for a command given as one shell line: as root it runs as is; as a
 * research user through `sudo -u` in a login shell, so their PATH, home and groups apply.
 */
export function remoteScriptFor(command: string, runAs: string): string {
  if (runAs === ROOT) return command;
  const problem = usernameProblem(runAs);
  if (problem) throw new Error(`cannot run as '${runAs}': ${problem}`);
  return `cd /tmp && exec sudo -u ${runAs} -H -- bash -lc ${shellQuote(command)}`;
}
