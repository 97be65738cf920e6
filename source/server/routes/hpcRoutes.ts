import { z } from 'zod';
import { runHpcCommand } from '../../commands/hpcCommand.js';
import {
  clusterDetailJsonSchema,
  clusterListJsonSchema,
  jobCancelledJsonSchema,
  jobHistoryJsonSchema,
  jobSubmittedJsonSchema,
  slurmJobListJsonSchema,
} from '../../commands/json/hpcJsonSchema.js';
import { type ApiRoute, defineRoute } from '../ApiRoute.js';
import { withUploadedFile } from './uploadedFile.js';

const cluster = z.strictObject({ name: z.string().min(1) });
const clusterJob = z.strictObject({ name: z.string().min(1), job: z.string().min(1) });

/** The job script travels as text; `submit` reads it from a file as on the command line. */
const submitBody = z
  .strictObject({
    script: z.string().min(1),
    file_name: z.string().min(1).default('job.sbatch'),
    partition: z.string().optional(),
    nodes: z.number().int().positive().optional(),
    time: z.string().optional(),
    sbatch_args: z.array(z.string()).default([]),
  })
  .meta({ id: 'SlurmJobSubmission' });

/** Slurm clusters on ParallelCluster and their jobs (`cws-tui hpc`). */
export const hpcRoutes: ApiRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/v1/clusters',
    summary: 'the Slurm clusters in every region of the profile (as `cws-tui hpc list --json`)',
    tag: 'hpc',
    response: clusterListJsonSchema,
    handle: (_input, { commands }) => commands.run({ command: runHpcCommand, args: ['list'] }),
  }),
  defineRoute({
    method: 'GET',
    url: '/v1/clusters/:name',
    summary: 'one cluster with its queues, first failure and advice (as `cws-tui hpc show <name> --json`)',
    tag: 'hpc',
    params: cluster,
    response: clusterDetailJsonSchema,
    handle: ({ params }, { commands }) =>
      commands.run({ command: runHpcCommand, args: ['show', params.name] }),
  }),
  defineRoute({
    method: 'GET',
    url: '/v1/clusters/:name/jobs',
    summary: 'the queued and running jobs (as `cws-tui hpc jobs <name> --json`)',
    tag: 'hpc',
    params: cluster,
    query: z.strictObject({ user: z.string().optional(), state: z.string().optional() }),
    response: slurmJobListJsonSchema,
    handle: ({ params, query }, { commands }) =>
      commands.run({
        command: runHpcCommand,
        args: ['jobs', params.name],
        flags: { user: query.user, state: query.state },
      }),
  }),
  defineRoute({
    method: 'POST',
    url: '/v1/clusters/:name/jobs',
    summary: 'submit a job script with sbatch (as `cws-tui hpc submit <name> <script> --json`)',
    tag: 'hpc',
    params: cluster,
    body: submitBody,
    status: 201,
    response: jobSubmittedJsonSchema,
    mutation: true,
    handle: ({ params, body }, { commands }) =>
      withUploadedFile(body.file_name, body.script, (path) =>
        commands.run({
          command: runHpcCommand,
          args: ['submit', params.name, path, ...body.sbatch_args],
          flags: { partition: body.partition, nodes: body.nodes, time: body.time },
        }),
      ),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/v1/clusters/:name/jobs/:job',
    summary: 'cancel a job with scancel (as `cws-tui hpc cancel <name> <jobid> --json`)',
    tag: 'hpc',
    params: clusterJob,
    response: jobCancelledJsonSchema,
    mutation: true,
    handle: ({ params }, { commands }) =>
      commands.run({ command: runHpcCommand, args: ['cancel', params.name, params.job] }),
  }),
  defineRoute({
    method: 'GET',
    url: '/v1/clusters/:name/history',
    summary: 'finished and running jobs with their cost (as `cws-tui hpc history <name> --json`)',
    tag: 'hpc',
    params: cluster,
    query: z.strictObject({ since: z.string().optional(), user: z.string().optional() }),
    response: jobHistoryJsonSchema,
    handle: ({ params, query }, { commands }) =>
      commands.run({
        command: runHpcCommand,
        args: ['history', params.name],
        flags: { since: query.since, user: query.user },
      }),
  }),
];
