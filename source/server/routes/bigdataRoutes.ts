import { z } from 'zod';
import { runBigdataCommand } from '../../commands/bigdataCommand.js';
import { EXIT } from '../../commands/CliError.js';
import {
  sparkApplicationJsonSchema,
  sparkApplicationListJsonSchema,
  sparkRunCancelJsonSchema,
  sparkRunListJsonSchema,
  sparkRunLogsJsonSchema,
  sparkSubmittedJsonSchema,
} from '../../commands/json/bigdataJsonSchema.js';
import { ApiError } from '../ApiError.js';
import { type ApiRoute, defineRoute } from '../ApiRoute.js';
import { withUploadedFile } from './uploadedFile.js';

const app = z.strictObject({ app: z.string().min(1) });
const appRun = z.strictObject({ app: z.string().min(1), run: z.string().min(1) });

/** The entry point is an `s3://` URI, or a script sent as text that `submit` uploads as it would a file. */
const submitBody = z
  .strictObject({
    entry: z.string().startsWith('s3://').optional(),
    script: z.string().min(1).optional(),
    file_name: z.string().min(1).default('job.py'),
    args: z.array(z.string()).default([]),
    conf: z.array(z.string()).default([]),
    buckets: z.array(z.string()).default([]),
    attempts: z.number().int().positive().optional(),
  })
  .meta({ id: 'SparkRunSubmission' });

/** Spark applications and their runs on EMR Serverless (`cws-tui bigdata`). */
export const bigdataRoutes: ApiRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/v1/spark/applications',
    summary: 'the Spark applications on EMR Serverless (as `cws-tui bigdata list --json`)',
    tag: 'bigdata',
    response: sparkApplicationListJsonSchema,
    handle: (_input, { commands }) => commands.run({ command: runBigdataCommand, args: ['list'] }),
  }),
  defineRoute({
    method: 'GET',
    url: '/v1/spark/applications/:app',
    summary: 'one Spark application with its rates (as `cws-tui bigdata show <app> --json`)',
    tag: 'bigdata',
    params: app,
    response: sparkApplicationJsonSchema,
    handle: ({ params }, { commands }) =>
      commands.run({ command: runBigdataCommand, args: ['show', params.app] }),
  }),
  defineRoute({
    method: 'GET',
    url: '/v1/spark/applications/:app/runs',
    summary: 'the job runs of an application with their cost (as `cws-tui bigdata runs <app> --json`)',
    tag: 'bigdata',
    params: app,
    response: sparkRunListJsonSchema,
    handle: ({ params }, { commands }) =>
      commands.run({ command: runBigdataCommand, args: ['runs', params.app] }),
  }),
  defineRoute({
    method: 'POST',
    url: '/v1/spark/applications/:app/runs',
    summary:
      'submit a Spark job run from an s3:// entry point or a script (as `cws-tui bigdata submit <app> <entry> --json`)',
    tag: 'bigdata',
    params: app,
    body: submitBody,
    status: 201,
    response: sparkSubmittedJsonSchema,
    mutation: true,
    handle: ({ params, body }, { commands }) => {
      if ((body.entry === undefined) === (body.script === undefined))
        throw new ApiError(400, 'invalid_request', 'give either entry (an s3:// URI) or script (its text)');
      const flags = {
        args: body.args,
        conf: body.conf,
        bucket: body.buckets,
        attempts: body.attempts,
      };
      const submit = (entry: string) =>
        commands.run({ command: runBigdataCommand, args: ['submit', params.app, entry], flags });
      return body.entry ? submit(body.entry) : withUploadedFile(body.file_name, body.script ?? '', submit);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/v1/spark/applications/:app/runs/:run/logs',
    summary: "a run with its driver's output and errors (as `cws-tui bigdata logs <app> <run> --json`)",
    tag: 'bigdata',
    params: appRun,
    response: sparkRunLogsJsonSchema,
    // A failed run exits 1 with its logs printed: the logs are still the answer.
    handle: ({ params }, { commands }) =>
      commands.run({
        command: runBigdataCommand,
        args: ['logs', params.app, params.run],
        accept: [EXIT.ok, EXIT.error],
      }),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/v1/spark/applications/:app/runs/:run',
    summary: 'cancel a job run (as `cws-tui bigdata cancel <app> <run> --json`)',
    tag: 'bigdata',
    params: appRun,
    response: sparkRunCancelJsonSchema,
    mutation: true,
    handle: ({ params }, { commands }) =>
      commands.run({ command: runBigdataCommand, args: ['cancel', params.app, params.run] }),
  }),
];
