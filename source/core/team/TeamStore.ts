/**
 * The lab's shared truth: research users and UIDs, invitations, name reservations, running leases,
 * policies, budgets and the audit log (the item design is in `teamItemKeys.ts` and the README).
 *
 * The port is a small item store with single-item conditional writes and atomic updates; the lab's
 * rules (UID allocation, caps, single-use invitations) are written once on top of it in the core,
 * so the DynamoDB table and the local file behave the same by construction. Every rule needs one
 * conditional write on one item, never a multi-item transaction: a lease set with a size condition
 * enforces a cap in one write, so there is no counter to drift from the leases it counts.
 */

/** What an attribute holds: JSON values. A string set (see `TeamUpdate.add_to_set`) reads as a sorted array. */
export type TeamValue = string | number | boolean | null | TeamValue[] | { [key: string]: TeamValue };

export interface TeamKey {
  pk: string;
  sk: string;
}

export type TeamItem = TeamKey & { [attribute: string]: TeamValue };

/** A condition on an item as it is now; an absent item has no attributes. */
export type TeamCondition =
  | { exists: boolean }
  | { equals: [attribute: string, value: string | number | boolean] }
  /** The number is absent or below the limit. */
  | { below: [attribute: string, limit: number] }
  /** The set is absent or has fewer members than the limit. */
  | { size_below: [attribute: string, limit: number] }
  | { contains: [attribute: string, member: string] }
  | { all: TeamCondition[] }
  | { any: TeamCondition[] };

/** An atomic change to one item (created when absent); every part applies or none does. */
export interface TeamUpdate {
  set?: Record<string, TeamValue>;
  /** Numbers added to (an absent number counts as 0): atomic counters. */
  add?: Record<string, number>;
  /** Members added to a string set (created when absent). */
  add_to_set?: Record<string, string[]>;
  /** Members removed from a string set; an emptied set disappears. */
  remove_from_set?: Record<string, string[]>;
  remove?: string[];
}

export type TeamStoreLocation =
  | { kind: 'dynamodb'; table: string; region: string; endpoint?: string }
  | { kind: 'local'; path: string };

export interface TeamStore {
  readonly location: TeamStoreLocation;
  get(key: TeamKey): Promise<TeamItem | undefined>;
  /** The items of a partition, sorted by sort key, optionally only those whose sort key starts so. */
  query(pk: string, skPrefix?: string): Promise<TeamItem[]>;
  /** Writes the whole item; throws TeamStoreError 'condition-failed' when the condition does not hold. */
  put(item: TeamItem, condition?: TeamCondition): Promise<void>;
  /** Applies the update atomically and returns the item as it is after it. */
  update(key: TeamKey, update: TeamUpdate, condition?: TeamCondition): Promise<TeamItem>;
  /** Removes the item; false when there was none. */
  delete(key: TeamKey, condition?: TeamCondition): Promise<boolean>;
}

/** How a store is named: in a profile, in CWS_TEAM_STORE, in messages. */
export function describeTeamStore(location: TeamStoreLocation): string {
  return location.kind === 'dynamodb'
    ? `DynamoDB table ${location.table} (${location.region}${location.endpoint ? `, ${location.endpoint}` : ''})`
    : `local file ${location.path}`;
}
