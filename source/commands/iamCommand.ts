import { TEAM_TABLE_PATTERN } from '../core/config/profileSchema.js';
import { appPolicyFor } from '../core/iam/appPolicy.js';
import { MEMBER_POLICY_NOTES, NO_TEAM_STORE_NOTE } from '../core/iam/memberPolicyNotes.js';
import { EXIT, usageError } from './CliError.js';
import type { CommandRun } from './Command.js';

const USAGE = 'usage: cws-tui iam policy --for user|admin [--team-store TABLE] [--json]';

/**
 * `cws-tui iam policy --for user|admin`: the identity policy a lab member or admin needs, as JSON
 * an admin can attach, generated from the same statements the app's own checks use. `--json`
 * prints the document alone; otherwise the notes on how members are kept apart come first.
 * `--team-store` names the lab's table, the only one a member's team store statements reach.
 */
export const runIamCommand: CommandRun = async ({ args, flags, stdout }) => {
  const [sub, ...rest] = args;
  if (sub !== 'policy' || rest.length > 0) throw usageError(USAGE);
  const role = flags.for;
  if (role !== 'user' && role !== 'admin') {
    throw usageError(`--for is user or admin${role === undefined ? '' : ` (got '${role}')`}\n${USAGE}`);
  }
  const table = flags.teamStore;
  if (table !== undefined && !TEAM_TABLE_PATTERN.test(table)) {
    throw usageError(
      `--team-store takes a DynamoDB table name (3-255 letters, digits, _ . -), got '${table}'\n${USAGE}`,
    );
  }
  const policy = appPolicyFor(role, 'aws', table);
  const document = `${JSON.stringify(policy, null, 2)}\n`;
  if (flags.json) {
    stdout(document);
    return EXIT.ok;
  }
  const notes =
    role === 'user'
      ? [...MEMBER_POLICY_NOTES, ...(table === undefined ? [NO_TEAM_STORE_NOTE] : [])]
      : ['An admin may also make the app roles, a network, and act on every workstation.'];
  stdout(`${notes.map((note) => `# ${note}`).join('\n')}\n${document}`);
  return EXIT.ok;
};
