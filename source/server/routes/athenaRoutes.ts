import { z } from 'zod';
import { runAthenaCommand } from '../../commands/athenaCommand.js';
import {
  athenaCancelledJsonSchema,
  athenaHistoryJsonSchema,
  athenaRowsJsonSchema,
} from '../../commands/json/athenaJsonSchema.js';
import { type ApiRoute, defineRoute } from '../ApiRoute.js';

const queryBody = z
  .strictObject({
    sql: z.string().min(1),
    workgroup: z.string().optional(),
    database: z.string().optional(),
    project: z.string().optional(),
  })
  .meta({ id: 'AthenaQueryRequest' });

/** Athena queries over the lab's data, under the policy's analytics section (`cws-tui athena`). */
export const athenaRoutes: ApiRoute[] = [
  defineRoute({
    method: 'POST',
    url: '/v1/queries',
    summary:
      'run a SQL query in the policy-made workgroup and answer with its rows (as `cws-tui athena query "<sql>" --output json`)',
    tag: 'analytics',
    body: queryBody,
    response: athenaRowsJsonSchema,
    mutation: true,
    // Athena queries run for minutes; the command waits for the result as the CLI does.
    timeoutMs: 31 * 60_000,
    handle: ({ body }, { commands }) =>
      commands.run({
        command: runAthenaCommand,
        args: ['query', body.sql],
        flags: { output: 'json', workgroup: body.workgroup, database: body.database, project: body.project },
        jsonLines: true,
      }),
  }),
  defineRoute({
    method: 'GET',
    url: '/v1/queries',
    summary: "the workgroup's recent queries with their cost (as `cws-tui athena history --json`)",
    tag: 'analytics',
    query: z.strictObject({ workgroup: z.string().optional(), project: z.string().optional() }),
    response: athenaHistoryJsonSchema,
    handle: ({ query }, { commands }) =>
      commands.run({
        command: runAthenaCommand,
        args: ['history'],
        flags: { workgroup: query.workgroup, project: query.project },
      }),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/v1/queries/:id',
    summary: 'cancel a queued or running query (as `cws-tui athena cancel <query-id> --json`)',
    tag: 'analytics',
    params: z.strictObject({ id: z.string().min(1) }),
    response: athenaCancelledJsonSchema,
    mutation: true,
    handle: ({ params }, { commands }) =>
      commands.run({ command: runAthenaCommand, args: ['cancel', params.id] }),
  }),
];
