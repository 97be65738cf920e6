import { z } from 'zod';
import { runBigdataCommand } from '../../commands/bigdataCommand.js';
import { emrClusterListJsonSchema, emrStepListJsonSchema } from '../../commands/json/emrClusterJsonSchema.js';
import { type ApiRoute, defineRoute } from '../ApiRoute.js';

/** EMR on EC2 clusters and their steps (`cws-tui bigdata cluster`), read-only. */
export const emrClusterRoutes: ApiRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/v1/emr/clusters',
    summary: 'the EMR on EC2 clusters with their fleets and $/h (as `cws-tui bigdata cluster list --json`)',
    tag: 'bigdata',
    response: emrClusterListJsonSchema,
    handle: (_input, { commands }) => commands.run({ command: runBigdataCommand, args: ['cluster', 'list'] }),
  }),
  defineRoute({
    method: 'GET',
    url: '/v1/emr/clusters/:cluster/steps',
    summary: "a cluster's steps, newest first (as `cws-tui bigdata cluster steps <cluster> --json`)",
    tag: 'bigdata',
    params: z.strictObject({ cluster: z.string().min(1) }),
    response: emrStepListJsonSchema,
    handle: ({ params }, { commands }) =>
      commands.run({ command: runBigdataCommand, args: ['cluster', 'steps', params.cluster] }),
  }),
];
