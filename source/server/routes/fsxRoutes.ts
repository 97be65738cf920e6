import { z } from 'zod';
import {
  fsxDeletedJsonSchema,
  fsxFileSystemJsonSchema,
  fsxListingJsonSchema,
} from '../../commands/json/fsxJsonSchema.js';
import { runStorageCommand } from '../../commands/storageCommand.js';
import { ApiError } from '../ApiError.js';
import { type ApiRoute, defineRoute } from '../ApiRoute.js';

/** The flags of `storage create <name> --type lustre|openzfs`, as JSON. */
const createBody = z
  .strictObject({
    name: z.string().min(1),
    type: z.enum(['lustre', 'openzfs']),
    deployment: z.string().optional(),
    capacity: z.string().optional(),
    throughput: z.string().optional(),
    s3: z.string().optional(),
    import: z.boolean().default(false),
    export: z.boolean().default(false),
    compression: z.enum(['zstd', 'lz4', 'none']).optional(),
    quotas: z.array(z.string()).default([]),
    region: z.string().optional(),
  })
  .meta({ id: 'FsxCreateRequest' });

/** FSx for Lustre and OpenZFS file systems (`cws-tui storage ... --type lustre|openzfs`). */
export const fsxRoutes: ApiRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/v1/storage/fsx',
    summary:
      'the FSx file systems with their monthly cost and mounts (the `fsx` of `cws-tui storage list --json`)',
    tag: 'storage',
    response: fsxListingJsonSchema,
    handle: async (_input, { commands }) => {
      const listing = (await commands.run({ command: runStorageCommand, args: ['list'] })) as {
        fsx?: unknown;
      };
      return listing.fsx ?? [];
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/v1/storage/fsx',
    summary:
      'create an FSx for Lustre or OpenZFS file system, checked and priced first (as `cws-tui storage create <name> --type T --json`)',
    tag: 'storage',
    body: createBody,
    status: 201,
    response: fsxFileSystemJsonSchema,
    mutation: true,
    timeoutMs: 45 * 60_000,
    handle: ({ body }, { commands }) =>
      commands.run({
        command: runStorageCommand,
        args: ['create', body.name],
        flags: {
          type: body.type,
          deployment: body.deployment,
          capacity: body.capacity,
          throughput: body.throughput,
          s3: body.s3,
          import: body.import,
          export: body.export,
          compression: body.compression,
          quota: body.quotas,
          region: body.region,
        },
      }),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/v1/storage/fsx/:id',
    summary:
      'delete an FSx file system and every file on it; `?confirm=<name>` is the CLI confirmation, `&force=true` unmounts it first (as `cws-tui storage delete <fs-id> --yes --json`)',
    tag: 'storage',
    params: z.strictObject({ id: z.string().regex(/^fs-[0-9a-f]{17}$/, 'an FSx id: fs- and 17 hex digits') }),
    query: z.strictObject({ confirm: z.string().optional(), force: z.enum(['true', 'false']).optional() }),
    response: fsxDeletedJsonSchema,
    mutation: true,
    handle: async ({ params, query }, { commands, session }) => {
      const region = session().info.region;
      const found = await session().account.fsx.findFileSystem(region, params.id);
      if (!found) throw new ApiError(404, 'not_found', `no FSx file system ${params.id} in ${region}`);
      if (query.confirm !== found.name)
        throw new ApiError(
          400,
          'confirmation_required',
          `deleting ${params.id} deletes every file on it: add ?confirm=${found.name} to confirm`,
          query.confirm === undefined
            ? undefined
            : `?confirm=${query.confirm} does not name this file system`,
        );
      return commands.run({
        command: runStorageCommand,
        args: ['delete', params.id],
        flags: { yes: true, force: query.force === 'true', confirm: query.confirm },
      });
    },
  }),
];
