import { changeFsxThroughput } from '../core/fsx/changeFsxThroughput.js';
import { FSX_TASK_KINDS, type FsxFileSystem, type FsxTaskKind } from '../core/fsx/FsxFileSystem.js';
import type { FsxListing } from '../core/fsx/fsxListing.js';
import {
  createFsxFileSystem,
  deleteFsxFileSystem,
  findFsxFileSystem,
  quotaUserLookup,
  runFsxTask,
} from '../core/fsx/fsxOperations.js';
import { formatGib } from '../core/fsx/parseStorageAmounts.js';
import { planFsxCreate } from '../core/fsx/planFsxCreate.js';
import { regionStoragePrices } from '../core/fsx/regionStoragePrices.js';
import { describeStoragePrices } from '../core/fsx/storagePrices.js';
import { sanitizeForTerminal } from '../core/text/sanitizeForTerminal.js';
import { usageError } from './CliError.js';
import type { CommandContext, CommandRun } from './Command.js';
import { type OperationCommandContext, operationCommand, printJson } from './operations/operationCommand.js';
import { renderTextTable } from './output/renderTextTable.js';

function throughputText(fs: FsxFileSystem): string {
  return fs.type === 'lustre' ? `${fs.throughput} MB/s/TiB` : `${fs.throughput} MB/s`;
}

/** The FSx table below `storage list`'s EFS one. */
export function renderFsxTable(listing: readonly FsxListing[]): string {
  return renderTextTable(
    [...listing],
    [
      { header: 'FSX', value: (fs) => fs.name },
      { header: 'ID', value: (fs) => fs.id },
      { header: 'TYPE', value: (fs) => `${fs.type} ${fs.deployment}` },
      { header: 'STATE', value: (fs) => fs.state },
      { header: 'CAPACITY', value: (fs) => formatGib(fs.capacity_gib), align: 'right' },
      { header: 'THROUGHPUT', value: throughputText, align: 'right' },
      { header: '$/MONTH', value: (fs) => fs.monthly_usd.toFixed(2), align: 'right' },
      {
        header: 'LINK',
        value: (fs) =>
          fs.data_repository
            ? `${fs.data_repository.s3_path}${fs.data_repository.auto_import ? ' +import' : ''}${fs.data_repository.auto_export ? ' +export' : ''}`
            : fs.quotas && fs.quotas.length > 0
              ? `quotas ${fs.quotas.map((q) => `${q.user ?? q.uid}=${q.gib}G`).join(' ')}`
              : '-',
      },
      { header: 'MOUNTED BY', value: (fs) => fs.mounted_by.join(', ') || '-' },
    ],
  );
}

/** `storage create <name> --type lustre|openzfs ...`: checked and priced before any call. */
export function createFsxCommand(name: string): CommandRun {
  return operationCommand(async (context) => {
    const { flags, ops, session } = context;
    const region = flags.region ?? session.info.region;
    const prices = await regionStoragePrices(ops.account.storagePrices, region);
    const plan = await planFsxCreate(
      {
        name,
        type: flags.type ?? '',
        ...(flags.deployment !== undefined ? { deployment: flags.deployment } : {}),
        ...(flags.capacity !== undefined ? { capacity: flags.capacity } : {}),
        ...(flags.throughput !== undefined ? { throughput: flags.throughput } : {}),
        ...(flags.s3 !== undefined ? { s3: flags.s3 } : {}),
        import: flags.import,
        export: flags.export,
        ...(flags.compression !== undefined ? { compression: flags.compression } : {}),
        quotas: flags.quota,
      },
      quotaUserLookup(ops),
      prices,
    );
    context.stderr(
      `price: $${plan.monthly.total_usd.toFixed(2)}/month (${plan.monthly.basis}) from ${sanitizeForTerminal(describeStoragePrices(prices))}\n`,
    );
    const created = await createFsxFileSystem(ops, region, plan, (message) =>
      context.stderr(`${sanitizeForTerminal(message)}\n`),
    );
    if (flags.json)
      printJson(context, { ...created, monthly_usd: Math.round(plan.monthly.total_usd * 100) / 100 });
    else {
      context.stdout(
        `${created.name} is ${created.id} in ${created.region} (${created.type} ${created.deployment}, ${formatGib(created.capacity_gib)}, ${created.state}). Mount it with: cws-tui launch <template> <name> --fsx ${created.id}\n`,
      );
    }
    return 0;
  });
}

/** `storage delete <fs-id>` when the id is an FSx file system's. */
export async function deleteFsxCommand(
  context: OperationCommandContext,
  fileSystem: FsxFileSystem,
): Promise<number> {
  const { flags, ops, session } = context;
  if (!flags.yes && !flags.force) {
    throw usageError(`deleting ${fileSystem.id} deletes every file on it: add --yes to confirm`);
  }
  const workstations = await session.listWorkstations();
  const { mounted_by } = await deleteFsxFileSystem(ops, fileSystem, workstations, {
    force: flags.force,
    ...(flags.confirm !== undefined ? { typed_name: flags.confirm } : {}),
  });
  if (flags.json) printJson(context, { deleted: fileSystem.id, region: fileSystem.region, mounted_by });
  else {
    context.stdout(`${fileSystem.name} (${fileSystem.id}) in ${fileSystem.region} is being deleted.\n`);
    if (mounted_by.length > 0)
      context.stderr(`note: ${mounted_by.join(', ')} still mounted it (nofail: they boot without it)\n`);
  }
  return 0;
}

/** `storage task <fs-id> import|export|release`: starts it and shows its progress until it ends. */
export function fsxTaskCommand(id: string, kind: string): CommandRun {
  if (!(FSX_TASK_KINDS as readonly string[]).includes(kind)) {
    throw usageError(`'${sanitizeForTerminal(kind)}' is not a task: import, export or release`);
  }
  return operationCommand(async (context) => {
    const region = context.flags.region ?? context.session.info.region;
    const fileSystem = await findFsxFileSystem(context.ops, region, id);
    const task = await runFsxTask(context.ops, fileSystem, kind as FsxTaskKind, (progress) => {
      const percent = progress.total > 0 ? Math.floor((100 * progress.succeeded) / progress.total) : 0;
      context.stderr(
        `${progress.id} ${progress.kind}: ${progress.state} ${progress.succeeded}/${progress.total} files (${percent}%)\n`,
      );
    });
    if (context.flags.json) printJson(context, task);
    else
      context.stdout(
        `${task.kind} ${task.id} ${task.state}: ${task.succeeded} files, ${task.failed} failed${task.failure ? ` (${sanitizeForTerminal(task.failure)})` : ''}\n`,
      );
    return task.state === 'succeeded' ? 0 : 1;
  });
}

/** `storage tasks <fs-id>`: the file system's data repository tasks. */
export function fsxTasksCommand(id: string): CommandRun {
  return operationCommand(async (context) => {
    const region = context.flags.region ?? context.session.info.region;
    const tasks = await context.ops.account.fsx.listTasks(region, id);
    if (context.flags.json) printJson(context, tasks);
    else if (tasks.length === 0)
      context.stdout(`No tasks on ${id}. Start one with: cws-tui storage task ${id} import|export|release\n`);
    else
      context.stdout(
        renderTextTable(tasks, [
          { header: 'TASK', value: (t) => t.id },
          { header: 'KIND', value: (t) => t.kind },
          { header: 'STATE', value: (t) => t.state },
          { header: 'FILES', value: (t) => `${t.succeeded}/${t.total}`, align: 'right' },
          { header: 'STARTED', value: (t) => t.created_at },
        ]),
      );
    return 0;
  });
}

/** `storage throughput <fs-id> <level>`: the provisioned throughput, with the month's price before and after. */
export function fsxThroughputCommand(id: string, level: string): CommandRun {
  const throughput = Number(level);
  if (!/^\d+$/.test(level) || !Number.isSafeInteger(throughput)) {
    throw usageError(
      `'${sanitizeForTerminal(level)}' is not a throughput level: a whole number (MB/s/TiB for Lustre, MB/s for OpenZFS)`,
    );
  }
  return operationCommand(async (context) => {
    const region = context.flags.region ?? context.session.info.region;
    const fileSystem = await findFsxFileSystem(context.ops, region, id);
    const { before, after } = await changeFsxThroughput(context.ops, fileSystem, throughput);
    const round = (usd: number) => Math.round(usd * 100) / 100;
    if (context.flags.json)
      printJson(context, {
        file_system_id: id,
        region,
        from: fileSystem.throughput,
        to: throughput,
        monthly_usd_before: round(before.total_usd),
        monthly_usd_after: round(after.total_usd),
      });
    else
      context.stdout(
        `${sanitizeForTerminal(fileSystem.name)} (${id}): throughput ${throughputText(fileSystem)} -> ${throughputText({ ...fileSystem, throughput })}, $${before.total_usd.toFixed(2)} -> $${after.total_usd.toFixed(2)} a month (FSx applies it in a few minutes).\n`,
      );
    return 0;
  });
}

export function isFsxCreate(context: CommandContext): boolean {
  return context.flags.type !== undefined;
}
