import type { TeamKey } from './TeamStore.js';

/** The format of the items below; a store with a newer one is refused, never overwritten. */
export const TEAM_FORMAT_VERSION = 1;

/**
 * The item design of the team store: every item is `pk` (partition) + `sk` (sort). Partitions
 * group what is listed together; the sort key names the one item. (The README has the table.)
 */
export const teamKeys = {
  /** {format, created_at}: written by `team init`, checked on every open. */
  format: (): TeamKey => ({ pk: 'META', sk: 'FORMAT' }),
  /** {range_index}: the UID range an account allocates from (5000 + 1000 x index). */
  account: (accountKey: string): TeamKey => ({ pk: 'ACCOUNT', sk: accountKey }),
  /** {next}: atomic counters (`ACCOUNTS` hands out range indexes, `UID#<account>` UIDs). */
  counter: (name: string): TeamKey => ({ pk: 'COUNTER', sk: name }),
  /** {username, account, state: claimed|assigned|retired}: one UID, claimed once, never reused. */
  uid: (uid: number): TeamKey => ({ pk: 'UID', sk: String(uid).padStart(10, '0') }),
  /** A research user: POSIX identity and public keys (private keys stay on the member's machine). */
  user: (username: string): TeamKey => ({ pk: 'USER', sk: username }),
  /** {launch_id, research_user, owner, reserved_at}: a live workstation name of a profile. */
  name: (profile: string, workstation: string): TeamKey => ({ pk: `NAME#${profile}`, sk: workstation }),
  /** {holders: string set of `<launch id>@<time>`}: running workstations of a user, or of the lab. */
  leases: (scope: string): TeamKey => ({ pk: 'LEASES', sk: scope }),
  /** An invitation: issuer, policy digest, expiry, uses allowed and made, state. */
  invitation: (id: string): TeamKey => ({ pk: 'INVITE', sk: id }),
  /** {policy}: a policy handed on by an invitation, by its digest. */
  policy: (digest: string): TeamKey => ({ pk: 'POLICY', sk: digest }),
  /** {budget, scope}: the lab's budget, a project's (`PROJECT#p`) or a user's (`USER#u`). */
  budget: (scope: string): TeamKey => ({ pk: 'BUDGET', sk: scope }),
  /** {max_running}: a running cap of the lab (`LAB`), of every user (`USER`) or of one (`USER#u`). */
  cap: (scope: string): TeamKey => ({ pk: 'CAP', sk: scope }),
  /** {fired_at, spend}: a budget threshold that fired this month, recorded once for the lab. */
  budgetAlert: (month: string, scope: string, percent: number): TeamKey => ({
    pk: `ALERT#${month}`,
    sk: `${scope}#${String(percent).padStart(3, '0')}`,
  }),
  /** One audit event, by month, sorted by time. */
  audit: (at: string, id: string): TeamKey => ({ pk: `AUDIT#${at.slice(0, 7)}`, sk: `${at}#${id}` }),
};

/** The lab-wide lease scope and a user's. */
export const LAB_SCOPE = 'LAB';
export function userScope(username: string): string {
  return `USER#${username}`;
}
