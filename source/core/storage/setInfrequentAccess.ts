import { OperationError } from '../operations/OperationError.js';
import type { OperationsContext } from '../operations/OperationsContext.js';
import { EFS_IA_DAYS, type EfsIaDays, type FileSystem } from '../ports.js';

/** A number of days EFS's lifecycle takes, or an error that lists the ones it does. */
export function parseIaDays(text: string): EfsIaDays {
  const days = EFS_IA_DAYS.find((candidate) => String(candidate) === text.trim());
  if (days === undefined) {
    throw new OperationError(
      'invalid',
      `'${text}' is not a number of days EFS moves files to Infrequent Access after: ${EFS_IA_DAYS.join(', ')}`,
    );
  }
  return days;
}

/**
 * Makes one of the app's EFS file systems move files unread for `days` to Infrequent Access (and
 * back on their first read), and records it in the audit log: the fix `storage findings` proposes.
 */
export async function setInfrequentAccess(
  context: OperationsContext,
  fileSystem: FileSystem,
  days: EfsIaDays,
): Promise<void> {
  await context.account.storage.setInfrequentAccessDays(fileSystem.region, fileSystem.id, days);
  await context.audit({
    action: 'efs-lifecycle',
    profile: context.profile.name,
    targets: [fileSystem.id],
    region: fileSystem.region,
    ia_after_days: days,
  });
}
