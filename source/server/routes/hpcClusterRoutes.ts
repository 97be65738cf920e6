import { z } from 'zod';
import { runHpcCommand } from '../../commands/hpcCommand.js';
import {
  clusterCreatingJsonSchema,
  clusterDeletingJsonSchema,
  clusterFleetJsonSchema,
  clusterJsonSchema,
  clusterUpdatedJsonSchema,
} from '../../commands/json/hpcJsonSchema.js';
import { type ApiRoute, defineRoute } from '../ApiRoute.js';
import { confirmQuery, requireConfirmation } from './requireConfirmation.js';

const cluster = z.strictObject({ name: z.string().min(1) });
/** Creating a cluster takes up to 40 minutes when the request waits for it. */
const CREATE_TIMEOUT_MS = 45 * 60_000;

const createBody = z
  .strictObject({
    name: z.string().min(1),
    template: z.string().min(1),
    efs: z.string().optional(),
    fsx: z.string().optional(),
    /** `--yes`: also create the shared provider stack the first cluster of a region needs. */
    confirm_provider: z.boolean().default(false),
    /** Wait for CREATE_COMPLETE and answer with the cluster (as the CLI does), or answer at once. */
    wait: z.boolean().default(false),
  })
  .meta({ id: 'ClusterCreateRequest' });

const updateBody = z
  .strictObject({
    queue: z.string().optional(),
    min: z.number().int().nonnegative().optional(),
    max: z.number().int().positive().optional(),
    idle_minutes: z.number().int().positive().optional(),
    stop_first: z.boolean().default(false),
  })
  .meta({ id: 'ClusterUpdateRequest' });

function fleetRoute(action: 'start' | 'stop'): ApiRoute {
  return defineRoute({
    method: 'POST',
    url: `/v1/clusters/:name/${action}`,
    summary: `${action} the cluster's compute fleet (as \`cws-tui hpc ${action} <name> --json\`)`,
    tag: 'hpc',
    params: cluster,
    response: clusterFleetJsonSchema,
    mutation: true,
    handle: ({ params }, { commands }) =>
      commands.run({ command: runHpcCommand, args: [action, params.name] }),
  });
}

/** Creating, resizing, stopping and deleting Slurm clusters (`cws-tui hpc create|update|start|stop|delete`). */
export const hpcClusterRoutes: ApiRoute[] = [
  defineRoute({
    method: 'POST',
    url: '/v1/clusters',
    summary:
      'create a cluster from a template, checked against the policy and priced first (as `cws-tui hpc create <name> --template T --json`)',
    tag: 'hpc',
    body: createBody,
    status: 201,
    response: z.union([clusterJsonSchema, clusterCreatingJsonSchema]).meta({ id: 'ClusterCreated' }),
    mutation: true,
    timeoutMs: CREATE_TIMEOUT_MS,
    handle: ({ body }, { commands }) =>
      commands.run({
        command: runHpcCommand,
        args: ['create', body.name],
        flags: {
          template: body.template,
          efs: body.efs,
          fsx: body.fsx,
          yes: body.confirm_provider,
          wait: body.wait,
        },
      }),
  }),
  defineRoute({
    method: 'PUT',
    url: '/v1/clusters/:name',
    summary:
      "change a queue's node counts or the idle scale-down time (as `cws-tui hpc update <name> --json`)",
    tag: 'hpc',
    params: cluster,
    body: updateBody,
    response: clusterUpdatedJsonSchema,
    mutation: true,
    timeoutMs: 31 * 60_000,
    handle: ({ params, body }, { commands }) =>
      commands.run({
        command: runHpcCommand,
        args: ['update', params.name],
        flags: {
          queue: body.queue,
          min: body.min,
          max: body.max,
          idleMinutes: body.idle_minutes,
          stopFirst: body.stop_first,
        },
      }),
  }),
  fleetRoute('start'),
  fleetRoute('stop'),
  defineRoute({
    method: 'DELETE',
    url: '/v1/clusters/:name',
    summary:
      'delete a cluster with its head node and compute nodes; `?confirm=<name>` is the CLI confirmation (as `cws-tui hpc delete <name> --yes --json`)',
    tag: 'hpc',
    params: cluster,
    query: confirmQuery,
    response: clusterDeletingJsonSchema,
    mutation: true,
    handle: ({ params, query }, { commands }) => {
      requireConfirmation(
        query.confirm,
        params.name,
        `deleting ${params.name} removes its head node, its compute nodes and their local data`,
      );
      return commands.run({ command: runHpcCommand, args: ['delete', params.name], flags: { yes: true } });
    },
  }),
];
