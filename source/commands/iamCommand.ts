import { TEAM_TABLE_PATTERN } from '../core/config/profileSchema.js';
import { analyticsPolicyFor } from '../core/iam/analyticsPolicy.js';
import { appPolicyFor } from '../core/iam/appPolicy.js';
import { MEMBER_POLICY_NOTES, NO_TEAM_STORE_NOTE } from '../core/iam/memberPolicyNotes.js';
import { EXIT, usageError } from './CliError.js';
import type { CommandRun } from './Command.js';

const USAGE =
  'usage: cws-tui iam policy --for user|admin [--team-store TABLE] [--json]\n' +
  '       cws-tui iam policy analytics --for user|admin [BUCKET...] [--json]';
/** A bucket name, or a pattern of one with `*` (the lab's data and results buckets). */
const BUCKET = /^[a-z0-9*][a-z0-9.*-]{1,61}[a-z0-9*]$/;

/**
 * `cws-tui iam policy --for user|admin`: the identity policy a lab member or admin needs, as JSON
 * an admin can attach, generated from the same statements the app's own checks use. `--json`
 * prints the document alone; otherwise the notes on how members are kept apart come first.
 * `--team-store` names the lab's table, the only one a member's team store statements reach.
 */
export const runIamCommand: CommandRun = async ({ args, flags, stdout }) => {
  const [sub, part, ...rest] = args;
  const analytics = part === 'analytics';
  if (sub !== 'policy' || (part !== undefined && !analytics) || (!analytics && rest.length > 0))
    throw usageError(USAGE);
  const badBucket = rest.find((bucket) => !BUCKET.test(bucket));
  if (badBucket !== undefined)
    throw usageError(
      `'${badBucket}' is not an S3 bucket name (3-63 lowercase letters, digits, . - and *)\n${USAGE}`,
    );
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
  // The analytics statements are a second managed policy: the first is at IAM's size limit.
  const policy = analytics ? analyticsPolicyFor(role, 'aws', rest) : appPolicyFor(role, 'aws', table);
  const document = `${JSON.stringify(policy, null, 2)}\n`;
  if (flags.json) {
    stdout(document);
    return EXIT.ok;
  }
  const notes = analytics
    ? [
        'A second managed policy, attached beside the first: Athena in the cws- workgroups, the Glue Data Catalog read-only, S3 only through Athena, QuickSight dashboards.',
        ...(rest.length === 0
          ? ["Name the lab's data and results buckets after 'analytics' to let Athena read and write them."]
          : []),
      ]
    : role === 'user'
      ? [...MEMBER_POLICY_NOTES, ...(table === undefined ? [NO_TEAM_STORE_NOTE] : [])]
      : ['An admin may also make the app roles, a network, and act on every workstation.'];
  stdout(`${notes.map((note) => `# ${note}`).join('\n')}\n${document}`);
  return EXIT.ok;
};
