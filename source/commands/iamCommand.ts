import { appPolicyFor, MEMBER_POLICY_NOTES } from '../core/iam/appPolicy.js';
import { EXIT, usageError } from './CliError.js';
import type { CommandRun } from './Command.js';

const USAGE = 'usage: cws-tui iam policy --for user|admin [--json]';

/**
 * `cws-tui iam policy --for user|admin`: the identity policy a lab member or admin needs, as JSON
 * an admin can attach, generated from the same statements the app's own checks use. `--json`
 * prints the document alone; otherwise the notes on how members are kept apart come first.
 */
export const runIamCommand: CommandRun = async ({ args, flags, stdout }) => {
  const [sub, ...rest] = args;
  if (sub !== 'policy' || rest.length > 0) throw usageError(USAGE);
  const role = flags.for;
  if (role !== 'user' && role !== 'admin') {
    throw usageError(`--for is user or admin${role === undefined ? '' : ` (got '${role}')`}\n${USAGE}`);
  }
  const document = `${JSON.stringify(appPolicyFor(role), null, 2)}\n`;
  if (flags.json) {
    stdout(document);
    return EXIT.ok;
  }
  const notes =
    role === 'user'
      ? MEMBER_POLICY_NOTES
      : ['An admin may also make the app roles, a network, and act on every workstation.'];
  stdout(`${notes.map((note) => `# ${note}`).join('\n')}\n${document}`);
  return EXIT.ok;
};
