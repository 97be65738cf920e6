import { z } from 'zod';
import { runDataCommand } from '../../commands/dataCommand.js';
import { runGlobusCommand } from '../../commands/globusCommand.js';
import { dataSourcesJsonSchema } from '../../commands/json/dataJsonSchema.js';
import { globusSessionJsonSchema, globusSignedOutJsonSchema } from '../../commands/json/globusJsonSchema.js';
import { type ApiRoute, defineRoute } from '../ApiRoute.js';

/**
 * What the profile may read (`cws-tui data sources`) and the Globus identity (`cws-tui globus
 * whoami|logout`). Signing in stays with `cws-tui globus login`: it needs the user's browser and a
 * callback on their own machine, which a request to the server cannot give.
 */
export const dataRoutes: ApiRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/v1/data/sources',
    summary:
      'the S3 buckets the policy names and the Data Catalog tables the profile may query with Athena (as `cws-tui data sources --json`)',
    tag: 'analytics',
    query: z.strictObject({ region: z.string().optional() }),
    response: dataSourcesJsonSchema,
    handle: ({ query }, { commands }) =>
      commands.run({ command: runDataCommand, args: ['sources'], flags: { region: query.region } }),
  }),
  defineRoute({
    method: 'GET',
    url: '/v1/globus/session',
    summary:
      'the verified Globus identity this installation is signed in as, refreshed when due (as `cws-tui globus whoami --json`)',
    tag: 'globus',
    response: globusSessionJsonSchema,
    handle: (_input, { commands }) => commands.run({ command: runGlobusCommand, args: ['whoami'] }),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/v1/globus/session',
    summary: 'sign out of Globus: revoke the tokens and remove them (as `cws-tui globus logout --json`)',
    tag: 'globus',
    response: globusSignedOutJsonSchema,
    mutation: true,
    handle: (_input, { commands }) => commands.run({ command: runGlobusCommand, args: ['logout'] }),
  }),
];
