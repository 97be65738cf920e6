import type { Session } from '../../app/session/Session.js';
import type { OperationsContext } from '../../core/operations/OperationsContext.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import type { Workstation } from '../../core/workstations/Workstation.js';
import type { FileSystemRow } from './fileSystemRows.js';
import type { ConfirmedChange } from './useConfirmedChange.js';

const safe = sanitizeForTerminal;

/**
 * The storage page's delete of one file system (EFS or FSx): found afresh with the account's
 * workstations, so the service's own rule (refused while one mounts it) sees the current state.
 */
export function fileSystemDeletion<F>(
  session: Session,
  row: FileSystemRow,
  message: string,
  steps: {
    find: (ops: OperationsContext) => Promise<F>;
    remove: (ops: OperationsContext, fileSystem: F, workstations: Workstation[]) => Promise<unknown>;
  },
): ConfirmedChange<void> {
  return {
    title: `Delete ${safe(row.name)} (${row.id})?`,
    message,
    name: row.name,
    perform: async () => {
      const ops = session.operationsContext();
      const [fileSystem, workstations] = await Promise.all([steps.find(ops), session.listWorkstations()]);
      await steps.remove(ops, fileSystem, workstations);
    },
    success: `${safe(row.name)} (${row.id}) is being deleted`,
    failure: `Could not delete ${safe(row.name)}`,
  };
}
