import { z } from 'zod';
import { EXIT } from '../../commands/CliError.js';
import {
  fsxRestoredJsonSchema,
  fsxSnapshotJsonSchema,
  fsxSnapshotListJsonSchema,
  fsxTaskJsonSchema,
  fsxTaskListJsonSchema,
  fsxVolumeJsonSchema,
} from '../../commands/json/fsxJsonSchema.js';
import { runStorageCommand } from '../../commands/storageCommand.js';
import { type ApiRoute, defineRoute } from '../ApiRoute.js';
import { confirmQuery, requireConfirmation } from './requireConfirmation.js';

const fileSystem = z.strictObject({
  id: z.string().regex(/^fs-[0-9a-f]{17}$/, 'an FSx id: fs- and 17 hex digits'),
});
const fileSystemSnapshot = fileSystem.extend({
  snapshot: z.string().regex(/^fsvolsnap-[0-9a-f]{17}$/, 'an FSx snapshot id: fsvolsnap- and 17 hex digits'),
});
const region = z.strictObject({ region: z.string().optional() });
/** A task reads or writes every file of the repository link: it may run for hours. */
const TASK_TIMEOUT_MS = 4 * 60 * 60_000;

/** Lustre data repository tasks and OpenZFS snapshots and clones (`cws-tui storage task|tasks|snapshot`). */
export const fsxDataRoutes: ApiRoute[] = [
  defineRoute({
    method: 'POST',
    url: '/v1/storage/fsx/:id/tasks',
    summary:
      "run an import, export or release task on a Lustre file system's S3 link and answer when it ends (as `cws-tui storage task <fs-id> <kind> --json`)",
    tag: 'storage',
    params: fileSystem,
    query: region,
    body: z.strictObject({ kind: z.enum(['import', 'export', 'release']) }).meta({ id: 'FsxTaskRequest' }),
    status: 201,
    response: fsxTaskJsonSchema,
    mutation: true,
    timeoutMs: TASK_TIMEOUT_MS,
    // A task that ended failed exits 1 with the task printed: the task is still the answer.
    handle: ({ params, query, body }, { commands }) =>
      commands.run({
        command: runStorageCommand,
        args: ['task', params.id, body.kind],
        flags: { region: query.region },
        accept: [EXIT.ok, EXIT.error],
      }),
  }),
  defineRoute({
    method: 'GET',
    url: '/v1/storage/fsx/:id/tasks',
    summary: "a file system's data repository tasks (as `cws-tui storage tasks <fs-id> --json`)",
    tag: 'storage',
    params: fileSystem,
    query: region,
    response: fsxTaskListJsonSchema,
    handle: ({ params, query }, { commands }) =>
      commands.run({
        command: runStorageCommand,
        args: ['tasks', params.id],
        flags: { region: query.region },
      }),
  }),
  defineRoute({
    method: 'GET',
    url: '/v1/storage/fsx/:id/snapshots',
    summary: "an OpenZFS file system's snapshots (as `cws-tui storage snapshot list <fs-id> --json`)",
    tag: 'storage',
    params: fileSystem,
    query: region,
    response: fsxSnapshotListJsonSchema,
    handle: ({ params, query }, { commands }) =>
      commands.run({
        command: runStorageCommand,
        args: ['snapshot', 'list', params.id],
        flags: { region: query.region },
      }),
  }),
  defineRoute({
    method: 'POST',
    url: '/v1/storage/fsx/:id/snapshots',
    summary:
      "take a snapshot of an OpenZFS file system's root volume (as `cws-tui storage snapshot create <fs-id> <name> --json`)",
    tag: 'storage',
    params: fileSystem,
    query: region,
    body: z.strictObject({ name: z.string().min(1) }).meta({ id: 'FsxSnapshotRequest' }),
    status: 201,
    response: fsxSnapshotJsonSchema,
    mutation: true,
    handle: ({ params, query, body }, { commands }) =>
      commands.run({
        command: runStorageCommand,
        args: ['snapshot', 'create', params.id, body.name],
        flags: { region: query.region },
      }),
  }),
  defineRoute({
    method: 'POST',
    url: '/v1/storage/fsx/:id/snapshots/:snapshot/restore',
    summary:
      'roll the root volume back to a snapshot; changes since then and newer snapshots are lost, so `?confirm=<snapshot-id>` is the CLI confirmation (as `cws-tui storage snapshot restore <fs-id> <snapshot-id> --yes --json`)',
    tag: 'storage',
    params: fileSystemSnapshot,
    query: confirmQuery.extend({ region: z.string().optional() }),
    response: fsxRestoredJsonSchema,
    mutation: true,
    handle: ({ params, query }, { commands }) => {
      requireConfirmation(
        query.confirm,
        params.snapshot,
        `restoring ${params.snapshot} loses the changes made on ${params.id} since, and its newer snapshots`,
      );
      return commands.run({
        command: runStorageCommand,
        args: ['snapshot', 'restore', params.id, params.snapshot],
        flags: { region: query.region, yes: true },
      });
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/v1/storage/fsx/:id/snapshots/:snapshot/clone',
    summary:
      'clone a snapshot into a new volume at /fsx/<name>, sharing its blocks (as `cws-tui storage snapshot clone <fs-id> <snapshot-id> <name> --json`)',
    tag: 'storage',
    params: fileSystemSnapshot,
    query: region,
    body: z.strictObject({ name: z.string().min(1) }).meta({ id: 'FsxCloneRequest' }),
    status: 201,
    response: fsxVolumeJsonSchema,
    mutation: true,
    handle: ({ params, query, body }, { commands }) =>
      commands.run({
        command: runStorageCommand,
        args: ['snapshot', 'clone', params.id, params.snapshot, body.name],
        flags: { region: query.region },
      }),
  }),
];
