import { constants } from 'node:fs';
import { access, copyFile } from 'node:fs/promises';
import { costLedgerFile } from '../../core/cost/CostLedger.js';
import type { AppPaths } from '../../core/paths.js';
import type { CallerIdentity } from '../../core/ports.js';
import type { SessionInfo } from './Session.js';

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * Which cost ledger a session's report keeps its history in: the account's, so that switching
 * profiles on one account loses none of it (the demo account is one per state dir; an AWS account
 * is known by its id). The first time, an older per-profile ledger of this profile seeds it. When
 * the account cannot be named (no identity yet), the profile's own ledger is used, as before.
 */
export async function costLedgerKey(
  paths: Pick<AppPaths, 'stateDir'>,
  info: Pick<SessionInfo, 'account_kind' | 'profile'>,
  identity: () => Promise<CallerIdentity>,
): Promise<string> {
  const profileKey = `${info.account_kind}-${info.profile}`;
  let accountKey = 'demo-account';
  if (info.account_kind !== 'demo') {
    try {
      accountKey = `aws-account-${(await identity()).account}`;
    } catch {
      return profileKey;
    }
  }
  const target = costLedgerFile(paths.stateDir, accountKey);
  const older = costLedgerFile(paths.stateDir, profileKey);
  if (!(await exists(target)) && (await exists(older))) {
    // COPYFILE_EXCL: another process that seeded it first wins; the older ledger stays as it was.
    await copyFile(older, target, constants.COPYFILE_EXCL).catch(() => undefined);
  }
  return accountKey;
}
