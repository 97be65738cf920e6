import { z } from 'zod';
import { EXIT } from '../../commands/CliError.js';
import { runConnectCommand } from '../../commands/connectCommand.js';
import { findWorkstationByName } from '../../commands/findWorkstationByName.js';
import { connectionJsonSchema, serviceHealthJsonSchema } from '../../commands/json/connectJsonSchema.js';
import { launchJsonSchema } from '../../commands/json/launchJsonSchema.js';
import {
  workstationJsonSchema,
  workstationListJsonSchema,
} from '../../commands/json/workstationJsonSchema.js';
import { runLaunchCommand } from '../../commands/launchCommand.js';
import { lifecycleCommand } from '../../commands/lifecycleCommand.js';
import { runListCommand, workstationJson } from '../../commands/listCommand.js';
import { runServicesCommand } from '../../commands/servicesCommand.js';
import { ApiError } from '../ApiError.js';
import { type ApiRoute, defineRoute } from '../ApiRoute.js';
import { failureToApiError } from '../failureToApiError.js';
import { launchBodySchema, launchFlagsOf } from './launchBody.js';

const named = z.strictObject({ name: z.string().min(1) });
/** A lifecycle command waits for the new state (up to 10 minutes), as the CLI does. */
const LIFECYCLE_TIMEOUT_MS = 11 * 60_000;
const LAUNCH_TIMEOUT_MS = 45 * 60_000;

const listFilters = z.strictObject({
  kind: z.string().optional(),
  state: z.string().optional(),
  template: z.string().optional(),
  project: z.string().optional(),
  user: z.string().optional(),
});

type Row = z.infer<typeof workstationListJsonSchema>[number];

function matches(row: Row, filters: z.infer<typeof listFilters>): boolean {
  if (row.state === 'unknown') return filters.kind === undefined || row.kind === filters.kind;
  return (
    (filters.kind === undefined || row.kind === filters.kind) &&
    (filters.state === undefined || row.state === filters.state) &&
    (filters.template === undefined || row.template === filters.template) &&
    (filters.project === undefined || row.project === filters.project) &&
    (filters.user === undefined || row.research_user === filters.user)
  );
}

function lifecycleRoute(action: 'start' | 'stop' | 'hibernate'): ApiRoute {
  return defineRoute({
    method: 'POST',
    url: `/v1/workstations/:name/${action}`,
    summary: `${action} a workstation and wait for its new state (as \`cws-tui ${action} <name> --json\`)`,
    tag: 'workstations',
    params: named,
    response: workstationJsonSchema,
    mutation: true,
    timeoutMs: LIFECYCLE_TIMEOUT_MS,
    handle: ({ params }, { commands }) =>
      commands.run({ command: lifecycleCommand(action), args: [params.name] }),
  });
}

/** Workstations and services: list, show, launch, start, stop, hibernate, terminate, connect, health. */
export const workstationRoutes: ApiRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/v1/workstations',
    summary: 'the workstations and services of the profile (as `cws-tui list --json`), filtered',
    tag: 'workstations',
    query: listFilters,
    response: workstationListJsonSchema,
    handle: async ({ query }, { commands }) => {
      const rows = (await commands.run({
        command: runListCommand,
        args: [],
        accept: [EXIT.ok, EXIT.partial],
      })) as Row[];
      return rows.filter((row) => matches(row, query));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/v1/workstations/:name',
    summary: 'one workstation or service by name or instance id (a row of `cws-tui list --json`)',
    tag: 'workstations',
    params: named,
    response: workstationJsonSchema,
    handle: async ({ params }, { session }) => {
      try {
        return workstationJson(await findWorkstationByName(session(), params.name));
      } catch (error) {
        throw failureToApiError(error);
      }
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/v1/workstations',
    summary:
      'launch a template through the one pipeline (as `cws-tui launch --json`); progress goes to GET /v1/events',
    tag: 'workstations',
    body: launchBodySchema,
    status: 201,
    response: launchJsonSchema,
    mutation: true,
    timeoutMs: LAUNCH_TIMEOUT_MS,
    handle: ({ body }, { commands }) =>
      commands.run({
        command: runLaunchCommand,
        args: [body.template, body.name],
        flags: launchFlagsOf(body),
      }),
  }),
  lifecycleRoute('start'),
  lifecycleRoute('stop'),
  lifecycleRoute('hibernate'),
  defineRoute({
    method: 'DELETE',
    url: '/v1/workstations/:name',
    summary:
      'terminate a workstation and delete its root volume; `?confirm=<name>` is the CLI confirmation (as `cws-tui terminate <name> --yes --json`)',
    tag: 'workstations',
    params: named,
    query: z.strictObject({ confirm: z.string().optional() }),
    response: workstationJsonSchema,
    mutation: true,
    timeoutMs: LIFECYCLE_TIMEOUT_MS,
    handle: async ({ params, query }, { commands }) => {
      if (query.confirm !== params.name) {
        throw new ApiError(
          400,
          'confirmation_required',
          `terminate deletes ${params.name} and its root volume: add ?confirm=${params.name} to confirm`,
          query.confirm === undefined
            ? undefined
            : `?confirm=${query.confirm} does not name this workstation`,
        );
      }
      return commands.run({
        command: lifecycleCommand('terminate'),
        args: [params.name],
        flags: { yes: true },
      });
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/v1/workstations/:name/connect',
    summary: 'how to connect now: SSH, SSM, a tunnel or a signed URL (as `cws-tui connect <name> --json`)',
    tag: 'workstations',
    params: named,
    query: z.strictObject({ ssm: z.enum(['true', 'false']).optional() }),
    response: connectionJsonSchema,
    handle: ({ params, query }, { commands }) =>
      commands.run({
        command: runConnectCommand,
        args: [params.name],
        flags: { print: true, ssm: query.ssm === 'true' },
        // A plan of kind `unavailable` says why; it is the answer.
        accept: [EXIT.ok, EXIT.error],
      }),
  }),
  defineRoute({
    method: 'GET',
    url: '/v1/workstations/:name/health',
    summary: 'whether its web service answers (as `cws-tui services health <name> --json`)',
    tag: 'workstations',
    params: named,
    response: serviceHealthJsonSchema,
    // An unhealthy service is an answer, not a failure of the request.
    handle: ({ params }, { commands }) =>
      commands.run({
        command: runServicesCommand,
        args: ['health', params.name],
        accept: [EXIT.ok, EXIT.error],
      }),
  }),
  defineRoute({
    method: 'GET',
    url: '/v1/services',
    summary: 'the managed web services (as `cws-tui services list --json`)',
    tag: 'workstations',
    response: workstationListJsonSchema,
    handle: (_input, { commands }) =>
      commands.run({ command: runServicesCommand, args: ['list'], accept: [EXIT.ok, EXIT.partial] }),
  }),
  defineRoute({
    method: 'POST',
    url: '/v1/services',
    summary: 'launch a managed service template (as `cws-tui services launch --json`)',
    tag: 'workstations',
    body: launchBodySchema,
    status: 201,
    response: launchJsonSchema,
    mutation: true,
    timeoutMs: LAUNCH_TIMEOUT_MS,
    handle: ({ body }, { commands }) =>
      commands.run({
        command: runServicesCommand,
        args: ['launch', body.template, body.name],
        flags: launchFlagsOf(body),
      }),
  }),
];
