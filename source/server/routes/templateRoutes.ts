import { z } from 'zod';
import { EXIT } from '../../commands/CliError.js';
import {
  resolvedTemplateJsonSchema,
  templateListJsonSchema,
  templateValidationJsonSchema,
} from '../../commands/json/templateJsonSchema.js';
import { runTemplatesCommand } from '../../commands/templatesCommand.js';
import { type ApiRoute, defineRoute } from '../ApiRoute.js';

/** Templates: list, show, validate the search path. */
export const templateRoutes: ApiRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/v1/templates',
    summary: 'the templates on the search path (as `cws-tui templates list --json [--profile-filtered]`)',
    tag: 'templates',
    query: z.strictObject({ profile_filtered: z.enum(['true', 'false']).optional() }),
    response: templateListJsonSchema,
    handle: ({ query }, { commands }) =>
      commands.run({
        command: runTemplatesCommand,
        args: ['list'],
        flags: { profileFiltered: query.profile_filtered === 'true' },
      }),
  }),
  defineRoute({
    method: 'GET',
    url: '/v1/templates/:slug',
    summary: 'one template, inheritance resolved (as `cws-tui templates show <slug> --json`)',
    tag: 'templates',
    params: z.strictObject({ slug: z.string().min(1) }),
    response: resolvedTemplateJsonSchema,
    handle: ({ params }, { commands }) =>
      commands.run({ command: runTemplatesCommand, args: ['show', params.slug] }),
  }),
  defineRoute({
    method: 'POST',
    url: '/v1/templates/validate',
    summary:
      "validate the search path's templates (as `cws-tui templates validate --json`); ok is false on errors",
    tag: 'templates',
    response: templateValidationJsonSchema,
    handle: (_input, { commands }) =>
      commands.run({ command: runTemplatesCommand, args: ['validate'], accept: [EXIT.ok, EXIT.error] }),
  }),
];
