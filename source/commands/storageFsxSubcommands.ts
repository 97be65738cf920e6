import type { CommandContext, CommandRun } from './Command.js';
import { operationCommand } from './operations/operationCommand.js';
import {
  createFsxCommand,
  deleteFsxCommand,
  fsxTaskCommand,
  fsxTasksCommand,
  fsxThroughputCommand,
} from './storageFsxCommands.js';
import { fsxSnapshotCommand } from './storageSnapshotCommands.js';

const FSX_ID = /^fs-[0-9a-f]{17}$/;

/**
 * The FSx, advisor and benchmark subcommands of `storage`; undefined for the EFS ones, which
 * `storageCommand` runs as before. `delete` goes to FSx when the id is an FSx file system's (EFS
 * and FSx ids look alike), and to EFS otherwise.
 */
export function runStorageFsxSubcommand(
  context: CommandContext,
  deleteEfs: (id: string) => CommandRun,
): Promise<number> | undefined {
  const [sub, ...rest] = context.args;
  const [first, second] = rest;
  if (sub === 'create' && rest.length === 1 && first && context.flags.type !== undefined)
    return createFsxCommand(first)(context);
  if (sub === 'delete' && rest.length === 1 && first && FSX_ID.test(first)) {
    return operationCommand(async (operation) => {
      const region = operation.flags.region ?? operation.session.info.region;
      const found = await operation.ops.account.fsx.findFileSystem(region, first);
      return found ? deleteFsxCommand(operation, found) : deleteEfs(first)(context);
    })(context);
  }
  if (sub === 'task' && rest.length === 2 && first && second) return fsxTaskCommand(first, second)(context);
  if (sub === 'tasks' && rest.length === 1 && first) return fsxTasksCommand(first)(context);
  if (sub === 'throughput' && rest.length === 2 && first && second)
    return fsxThroughputCommand(first, second)(context);
  if (sub === 'recommend' && rest.length === 0)
    return import('./storageAdvisorCommands.js').then((module) => module.recommendCommand(context));
  if (sub === 'findings' && rest.length === 0)
    return import('./storageAdvisorCommands.js').then((module) => module.findingsCommand(context));
  if (sub === 'bench' && rest.length === 2 && first && second)
    return import('./storageBenchCommand.js').then((module) => module.benchCommand(first, second)(context));
  if (sub === 'snapshot' && first) return fsxSnapshotCommand(first, rest.slice(1))(context);
  return undefined;
}
