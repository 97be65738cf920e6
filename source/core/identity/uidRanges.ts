/** The group every research user joins, so that shared EFS directories can be group-writable. */
export const SHARED_GROUP_NAME = 'cloudworkstation-shared';
/** Below the research users' ranges, so it never collides with a personal group. */
export const SHARED_GROUP_GID = 4999;

export const UID_RANGE_START = 5000;
export const UID_RANGE_SIZE = 1000;

export interface UidRange {
  first: number;
  last: number;
}

/**
 * UIDs for users created under the account at `accountIndex` in the store's ordered list of
 * accounts: the first account 5000-5999, the next 6000-6999, and so on.
 */
export function uidRangeForAccount(accountIndex: number): UidRange {
  const first = UID_RANGE_START + accountIndex * UID_RANGE_SIZE;
  return { first, last: first + UID_RANGE_SIZE - 1 };
}
