import { fsxListing } from '../core/fsx/fsxListing.js';
import { TAG } from '../core/ports.js';
import { createManagedFileSystem, FILE_SYSTEM_NAME } from '../core/storage/fileSystemOperations.js';
import { sanitizeForTerminal } from '../core/text/sanitizeForTerminal.js';
import { usageError } from './CliError.js';
import type { CommandContext, CommandRun } from './Command.js';
import { openCommandSession } from './openCommandSession.js';
import { operationCommand } from './operations/operationCommand.js';
import { renderTextTable } from './output/renderTextTable.js';
import {
  deleteFileSystemCommand,
  efsLifecycleCommand,
  unmountFileSystemCommand,
} from './storageFileSystemCommands.js';
import { renderFsxTable } from './storageFsxCommands.js';
import { runStorageFsxSubcommand } from './storageFsxSubcommands.js';

const USAGE =
  'usage: cws-tui storage list [--json] | storage create <name> [--type lustre|openzfs ...] [--region R] [--json] | storage delete <fs-id> [--region R] [--force [--confirm NAME]] --yes | storage unmount <fs-id> <workstation> [--force] [--yes] | storage lifecycle <fs-id> [DAYS] | storage task <fs-id> import|export|release | storage tasks <fs-id> | storage throughput <fs-id> <level> | storage snapshot create|list|restore|clone ... | storage recommend ... | storage bench <workstation> <fs-id|vol-id> [--pattern seq|random|metadata] [--size 1G] [--mount DIR] | storage findings';

/**
 * `cws-tui storage`: the app's EFS file systems (with each research user's access point) and the
 * workstations' root volumes; `create` makes a tagged, encrypted file system to mount with
 * `launch --efs`.
 */
export const runStorageCommand: CommandRun = async (context) => {
  const [sub, ...rest] = context.args;
  const fsx = runStorageFsxSubcommand(context, deleteFileSystemCommand);
  if (fsx) return fsx;
  if (sub === 'list' && rest.length === 0) return listStorage(context);
  if (sub === 'create' && rest.length === 1 && rest[0]) return createFileSystem(rest[0])(context);
  if (sub === 'delete' && rest.length === 1 && rest[0]) return deleteFileSystemCommand(rest[0])(context);
  if (sub === 'lifecycle' && rest[0] && rest.length <= 2)
    return efsLifecycleCommand(rest[0], rest[1])(context);
  if (sub === 'unmount' && rest.length === 2 && rest[0] && rest[1])
    return unmountFileSystemCommand(rest[0], rest[1])(context);
  throw usageError(USAGE);
};

async function listStorage(context: CommandContext): Promise<number> {
  const session = await openCommandSession(context);
  const [listing, workstations] = await Promise.all([session.listStorage(), session.listWorkstations()]);
  const fsx = fsxListing(listing.fsx, workstations, listing.fsx_prices);
  if (context.flags.json) {
    // The prices are in each FSx row's monthly_usd; the JSON keeps its published shape.
    const { fsx_prices: _prices, ...shown } = listing;
    context.stdout(`${JSON.stringify({ ...shown, fsx }, null, 2)}\n`);
    return 0;
  }
  context.stdout(
    listing.file_systems.length === 0
      ? 'No EFS file systems. Create one with: cws-tui storage create <name>\n'
      : renderTextTable(listing.file_systems, [
          { header: 'FILE SYSTEM', value: (fs) => fs.name },
          { header: 'ID', value: (fs) => fs.id },
          { header: 'REGION', value: (fs) => fs.region },
          { header: 'STATE', value: (fs) => fs.state },
          { header: 'SIZE', value: (fs) => `${(fs.size_bytes / 1024 ** 3).toFixed(2)} GiB`, align: 'right' },
          { header: 'NOTE', value: (fs) => fs.note ?? '' },
          {
            header: 'ACCESS POINTS',
            value: (fs) =>
              fs.access_points.map((ap) => `${ap.tags[TAG.researchUser] ?? ap.uid} ${ap.id}`).join(', ') ||
              '-',
          },
        ]),
  );
  if (fsx.length > 0) context.stdout(`\n${renderFsxTable(fsx)}`);
  if (listing.volumes.length > 0) {
    context.stdout(
      `\n${renderTextTable(listing.volumes, [
        { header: 'ROOT VOLUME OF', value: (volume) => volume.instance_name },
        { header: 'INSTANCE', value: (volume) => volume.instance_id },
        { header: 'STATE', value: (volume) => volume.instance_state },
        { header: 'SIZE', value: (volume) => `${volume.size_gb} GB ${volume.volume_type}`, align: 'right' },
      ])}`,
    );
  }
  for (const note of listing.notes) context.stderr(`note: ${sanitizeForTerminal(note)}\n`);
  return 0;
}

/** `storage create <name>`: an EFS file system, once the profile's storage policy allows it (exit 3 if not). */
function createFileSystem(name: string): CommandRun {
  if (!FILE_SYSTEM_NAME.test(name)) {
    throw usageError(
      `the name '${sanitizeForTerminal(name)}' is not valid: 1-63 letters, digits, '.', '_' or '-'`,
    );
  }
  return operationCommand(async (context) => {
    const region = context.flags.region ?? context.session.info.region;
    const created = await createManagedFileSystem(context.ops, region, name);
    if (context.flags.json) context.stdout(`${JSON.stringify(created, null, 2)}\n`);
    else {
      context.stdout(
        `${created.name} is ${created.id} in ${created.region} (${created.state}). Mount it with: cws-tui launch <template> <name> --efs ${created.id}\n`,
      );
    }
    return 0;
  });
}
