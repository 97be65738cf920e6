import { findFsxFileSystem } from '../core/fsx/fsxOperations.js';
import { OperationError } from '../core/operations/OperationError.js';
import { sanitizeForTerminal } from '../core/text/sanitizeForTerminal.js';
import { usageError } from './CliError.js';
import type { CommandRun } from './Command.js';
import { confirm, operationCommand, printJson } from './operations/operationCommand.js';
import { renderTextTable } from './output/renderTextTable.js';

const USAGE =
  'usage: cws-tui storage snapshot create <fs-id> <name> | list <fs-id> | restore <fs-id> <snapshot-id> [--yes] | clone <fs-id> <snapshot-id> <name>';
const SNAPSHOT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,202}$/;
const SNAPSHOT_ID = /^fsvolsnap-[0-9a-f]{17}$/;

/**
 * `storage snapshot ...` on an OpenZFS file system's root volume: point-in-time copies, a restore
 * that rolls the volume back (newer snapshots go, so it asks), and clones that give a reproducible
 * copy of a dataset at /fsx/<name> without copying it.
 */
export function fsxSnapshotCommand(action: string, args: string[]): CommandRun {
  const [id, second, third] = args;
  if (!id) throw usageError(USAGE);
  if (action === 'create' && args.length === 2 && second) requireName(second);
  else if (action === 'list' && args.length === 1) {
    // nothing more to check
  } else if (action === 'restore' && args.length === 2 && second) requireSnapshotId(second);
  else if (action === 'clone' && args.length === 3 && second && third) {
    requireSnapshotId(second);
    requireName(third);
  } else throw usageError(USAGE);
  return operationCommand(async (context) => {
    const { ops, flags } = context;
    const region = flags.region ?? context.session.info.region;
    const fileSystem = await findFsxFileSystem(ops, region, id);
    if (fileSystem.type !== 'openzfs') {
      throw new OperationError(
        'invalid',
        `${id} is Lustre: snapshots and clones are OpenZFS's (Lustre keeps data in S3)`,
      );
    }
    if (action === 'create' && second) {
      const snapshot = await ops.account.fsx.createSnapshot(region, fileSystem, second);
      await ops.audit({
        action: 'fsx-snapshot',
        profile: ops.profile.name,
        targets: [id, snapshot.id],
        name: second,
      });
      if (flags.json) printJson(context, snapshot);
      else context.stdout(`${snapshot.name} is ${snapshot.id} of ${id} (${snapshot.state})\n`);
      return 0;
    }
    if (action === 'list') {
      const snapshots = await ops.account.fsx.listSnapshots(region, fileSystem);
      if (flags.json) printJson(context, snapshots);
      else if (snapshots.length === 0)
        context.stdout(
          `No snapshots of ${id}. Take one with: cws-tui storage snapshot create ${id} <name>\n`,
        );
      else
        context.stdout(
          renderTextTable(snapshots, [
            { header: 'SNAPSHOT', value: (s) => s.name },
            { header: 'ID', value: (s) => s.id },
            { header: 'STATE', value: (s) => s.state },
            { header: 'TAKEN', value: (s) => s.created_at },
          ]),
        );
      return 0;
    }
    const snapshots = await ops.account.fsx.listSnapshots(region, fileSystem);
    const snapshot = snapshots.find((found) => found.id === second);
    if (!snapshot) {
      throw new OperationError(
        'refused',
        `${second} is not a snapshot of ${id}: nothing was changed`,
        `List them with: cws-tui storage snapshot list ${id}`,
      );
    }
    if (action === 'restore') {
      const newer = snapshots
        .filter((found) => found.created_at > snapshot.created_at)
        .map((found) => found.name);
      await confirm(
        context,
        `Roll ${fileSystem.name} (${id}) back to ${snapshot.name}? Changes since then are lost${newer.length > 0 ? `, and the newer snapshots ${newer.join(', ')} are deleted` : ''}.`,
      );
      await ops.account.fsx.restoreSnapshot(region, fileSystem, snapshot.id);
      await ops.audit({
        action: 'fsx-restore',
        profile: ops.profile.name,
        targets: [id, snapshot.id],
        deleted_snapshots: newer,
      });
      if (flags.json)
        printJson(context, { restored: snapshot.id, file_system_id: id, deleted_snapshots: newer });
      else context.stdout(`${fileSystem.name} is being rolled back to ${snapshot.name}.\n`);
      return 0;
    }
    const volume = await ops.account.fsx.cloneSnapshot(region, fileSystem, snapshot.id, third ?? '');
    await ops.audit({
      action: 'fsx-clone',
      profile: ops.profile.name,
      targets: [id, snapshot.id, volume.id],
      name: third,
    });
    if (flags.json) printJson(context, volume);
    else
      context.stdout(
        `${sanitizeForTerminal(volume.name)} is ${volume.id}, a clone of ${snapshot.name}: workstations mounting ${id} see it at ${volume.junction_path || `/fsx/${volume.name}`}\n`,
      );
    return 0;
  });
}

function requireName(name: string): void {
  if (!SNAPSHOT_NAME.test(name))
    throw usageError(`'${sanitizeForTerminal(name)}' is not a name: letters, digits, '.', '_' and '-'`);
}

function requireSnapshotId(id: string): void {
  if (!SNAPSHOT_ID.test(id))
    throw usageError(`'${sanitizeForTerminal(id)}' is not an FSx snapshot id (fsvolsnap-...)`);
}
