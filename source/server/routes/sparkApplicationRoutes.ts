import { z } from 'zod';
import { runBigdataCommand } from '../../commands/bigdataCommand.js';
import {
  sparkApplicationActionJsonSchema,
  sparkApplicationJsonSchema,
} from '../../commands/json/bigdataJsonSchema.js';
import { type ApiRoute, defineRoute } from '../ApiRoute.js';
import { confirmQuery, requireConfirmation } from './requireConfirmation.js';

const app = z.strictObject({ app: z.string().min(1) });

const createBody = z
  .strictObject({
    template: z.string().min(1),
    name: z.string().min(1),
    region: z.string().optional(),
    release: z.string().optional(),
    max_vcpu: z.number().positive().optional(),
    max_memory_gb: z.number().positive().optional(),
    buckets: z.array(z.string()).default([]),
  })
  .meta({ id: 'SparkApplicationCreateRequest' });

function applicationAction(action: 'start' | 'stop'): ApiRoute {
  return defineRoute({
    method: 'POST',
    url: `/v1/spark/applications/:app/${action}`,
    summary: `${action} a Spark application's warm capacity (as \`cws-tui bigdata ${action} <app> --json\`)`,
    tag: 'bigdata',
    params: app,
    response: sparkApplicationActionJsonSchema,
    mutation: true,
    handle: ({ params }, { commands }) =>
      commands.run({ command: runBigdataCommand, args: [action, params.app] }),
  });
}

/** Creating, starting, stopping and deleting Spark applications on EMR Serverless (`cws-tui bigdata`). */
export const sparkApplicationRoutes: ApiRoute[] = [
  defineRoute({
    method: 'POST',
    url: '/v1/spark/applications',
    summary:
      'create a Spark application from a template, under the policy and its capacity caps (as `cws-tui bigdata create <template> <name> --json`)',
    tag: 'bigdata',
    body: createBody,
    status: 201,
    response: sparkApplicationJsonSchema,
    mutation: true,
    timeoutMs: 11 * 60_000,
    handle: ({ body }, { commands }) =>
      commands.run({
        command: runBigdataCommand,
        args: ['create', body.template, body.name],
        flags: {
          region: body.region,
          release: body.release,
          maxVcpu: body.max_vcpu,
          maxMemory: body.max_memory_gb,
          bucket: body.buckets,
        },
      }),
  }),
  applicationAction('start'),
  applicationAction('stop'),
  defineRoute({
    method: 'DELETE',
    url: '/v1/spark/applications/:app',
    summary:
      'delete a Spark application and its run history; `?confirm=<app>` is the CLI confirmation (as `cws-tui bigdata delete <app> --yes --json`)',
    tag: 'bigdata',
    params: app,
    query: confirmQuery,
    response: sparkApplicationActionJsonSchema,
    mutation: true,
    handle: ({ params, query }, { commands }) => {
      requireConfirmation(query.confirm, params.app, `deleting ${params.app} removes it and its run history`);
      return commands.run({ command: runBigdataCommand, args: ['delete', params.app], flags: { yes: true } });
    },
  }),
];
