/** The principal tag an admin gives each member's IAM user or role (or SSO attribute) to name them. */
export const MEMBER_PRINCIPAL_TAG = 'cws:research-user';

/**
 * Why members are kept to their own workstations by a tag and not by `cws:owner`: `cws:owner` is
 * the launching principal's ARN, and every SSO user of one permission set shares one role, so
 * `aws:PrincipalArn` cannot tell two members apart. The admin tags each member's IAM user or role
 * (or maps an SSO attribute) `cws:research-user=<name>`; launches must carry the same value in
 * their `cws:research-user` tag, and start, stop, terminate, tag and Session Manager need it on the
 * instance. Ownership tags cannot be changed after launch.
 */
export const MEMBER_POLICY_NOTES = [
  `Tag each member's IAM user or role (or map the SSO attribute) ${MEMBER_PRINCIPAL_TAG}=<their research user name>.`,
  'A member may launch only workstations tagged with their own research user, and start, stop, terminate, tag or open a Session Manager session only on those.',
  'cws:owner holds the launching ARN, which SSO users of one permission set share; the principal tag is what tells members apart.',
  'Nobody but an admin can change cws:owner, cws:research-user or cws:managed after a launch.',
  'Volumes, snapshots and images a member makes carry their research user; exec, logs, idle, resize and restores act only on what carries it.',
];

/** The note for a member policy printed without `--team-store`. */
export const NO_TEAM_STORE_NOTE =
  "No team store statements: give --team-store TABLE (the lab's DynamoDB table) to add them, kept to that table, its budgets read-only.";
