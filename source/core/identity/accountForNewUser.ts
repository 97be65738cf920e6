import type { Profile } from '../config/profileSchema.js';

/**
 * The account whose UID range a new research user comes from: the profile's recorded account id,
 * or the account the profile's credentials belong to (the demo account without a profile), exactly
 * as the launch pipeline resolves it, so that both allocate from the same range.
 */
export async function accountForNewUser(
  profile: Pick<Profile, 'aws_account_id'> | undefined,
  callerAccount: () => Promise<string>,
): Promise<string> {
  return profile?.aws_account_id ?? (await callerAccount());
}
