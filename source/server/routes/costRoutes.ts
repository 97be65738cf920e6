import { z } from 'zod';
import { runCostCommand } from '../../commands/costCommand.js';
import { teamStatusJsonSchema } from '../../commands/json/teamJsonSchema.js';
import { runTeamCommand } from '../../commands/teamCommand.js';
import { costReportJsonSchema } from '../../core/cost/costReportJsonSchema.js';
import { ApiError } from '../ApiError.js';
import { type ApiRoute, defineRoute } from '../ApiRoute.js';

/** Cost: the one report (optionally over a window, against a budget) and the lab's budgets. */
export const costRoutes: ApiRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/v1/cost',
    summary:
      'burn rate, today, month to date, projection, budget and items (as `cws-tui cost --json [--since T [--until T]] [--budget USD]`)',
    tag: 'cost',
    query: z.strictObject({
      since: z.string().optional(),
      until: z.string().optional(),
      budget: z.string().optional(),
    }),
    response: costReportJsonSchema,
    timeoutMs: 120_000,
    handle: ({ query }, { commands }) => {
      const budget = query.budget === undefined ? undefined : Number(query.budget);
      if (budget !== undefined && Number.isNaN(budget))
        throw new ApiError(
          400,
          'invalid_request',
          `query field 'budget': expected a number, got '${query.budget}'`,
        );
      return commands.run({
        command: runCostCommand,
        args: [],
        flags: { since: query.since, until: query.until, budget },
      });
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/v1/cost/budgets',
    summary: "the lab's budgets and running caps from its team store (as `cws-tui team status --json`)",
    tag: 'cost',
    response: teamStatusJsonSchema,
    handle: (_input, { commands }) => commands.run({ command: runTeamCommand, args: ['status'] }),
  }),
];
