import { storageListingJsonSchema } from '../../commands/json/storageJsonSchema.js';
import { runStorageCommand } from '../../commands/storageCommand.js';
import { type ApiRoute, defineRoute } from '../ApiRoute.js';

/** Storage: EFS file systems, root and data volumes. */
export const storageRoutes: ApiRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/v1/storage',
    summary: 'EFS file systems with access points, root and data volumes (as `cws-tui storage list --json`)',
    tag: 'storage',
    response: storageListingJsonSchema,
    handle: (_input, { commands }) => commands.run({ command: runStorageCommand, args: ['list'] }),
  }),
];
