import {
  deleteManagedFileSystem,
  findManagedFileSystem,
  unmountFileSystem,
  workstationsMounting,
} from '../core/storage/fileSystemOperations.js';
import { parseIaDays, setInfrequentAccess } from '../core/storage/setInfrequentAccess.js';
import { sanitizeForTerminal } from '../core/text/sanitizeForTerminal.js';
import { usageError } from './CliError.js';
import type { CommandRun } from './Command.js';
import { findWorkstationByName } from './findWorkstationByName.js';
import { confirm, operationCommand, printJson } from './operations/operationCommand.js';

export const FILE_SYSTEM_ID = /^fs-[0-9a-f]{8,40}$/;

function requireFileSystemId(id: string): void {
  if (!FILE_SYSTEM_ID.test(id)) {
    throw usageError(`'${sanitizeForTerminal(id)}' is not an EFS file system id (fs-...)`);
  }
}

/** `storage unmount <fs-id> <workstation>`: unmounts it there through SSM and drops it from the fstab. */
export function unmountFileSystemCommand(id: string, workstationName: string): CommandRun {
  requireFileSystemId(id);
  return operationCommand(async (context) => {
    const { ops, session } = context;
    const workstation = await findWorkstationByName(session, workstationName);
    const fileSystem = await findManagedFileSystem(ops, workstation.region, id, 'nothing was unmounted');
    await confirm(
      context,
      `Unmount ${fileSystem.name} (${id}) on ${workstation.name}${context.flags.force ? ' even if busy (lazy unmount)' : ''}?`,
    );
    const { output } = await unmountFileSystem(ops, fileSystem, workstation, Boolean(context.flags.force));
    if (context.flags.json) printJson(context, { file_system_id: id, workstation: workstation.name, output });
    else context.stdout(`${sanitizeForTerminal(output.trim())}\n`);
    return 0;
  });
}

/**
 * `storage delete <fs-id>`: one of the app's file systems (a Studio home a deleted domain left, or
 * one made with `storage create`). Its files are lost, so --yes is required even in a terminal, and
 * a file system a workstation still mounts is refused unless --force.
 */
export function deleteFileSystemCommand(id: string): CommandRun {
  requireFileSystemId(id);
  return operationCommand(async (context) => {
    if (!context.flags.yes) {
      throw usageError(`deleting ${id} deletes every file on it: add --yes to confirm`);
    }
    const { ops, session } = context;
    const region = context.flags.region ?? session.info.region;
    const fileSystem = await findManagedFileSystem(ops, region, id, 'nothing was deleted');
    const workstations = await session.listWorkstations();
    const mounting = workstationsMounting(fileSystem, workstations).map((w) => w.name);
    await deleteManagedFileSystem(ops, fileSystem, workstations, Boolean(context.flags.force));
    if (context.flags.json) printJson(context, { deleted: id, region, mounted_by: mounting });
    else {
      context.stdout(`${fileSystem.name} (${id}) in ${region} is being deleted.\n`);
      if (mounting.length > 0)
        context.stderr(
          `note: ${mounting.join(', ')} still had it in /etc/fstab (nofail: they boot without it)\n`,
        );
    }
    return 0;
  });
}

/** `storage lifecycle <fs-id> [DAYS]`: files unread for DAYS (30) move to Infrequent Access. */
export function efsLifecycleCommand(id: string, days = '30'): CommandRun {
  requireFileSystemId(id);
  return operationCommand(async (context) => {
    const ia = parseIaDays(days);
    const { ops, session } = context;
    const region = context.flags.region ?? session.info.region;
    const fileSystem = await findManagedFileSystem(ops, region, id, 'nothing was changed');
    await setInfrequentAccess(ops, fileSystem, ia);
    if (context.flags.json) printJson(context, { file_system_id: id, region, ia_after_days: ia });
    else
      context.stdout(
        `${sanitizeForTerminal(fileSystem.name)} (${id}): files unread for ${ia} days now move to Infrequent Access, and back to Standard when read.\n`,
      );
    return 0;
  });
}
