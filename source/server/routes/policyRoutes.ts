import { z } from 'zod';
import { policyShowJsonSchema, policyTestJsonSchema } from '../../commands/json/policyJsonSchema.js';
import { runPolicyCommand } from '../../commands/policyCommand.js';
import { type ApiRoute, defineRoute } from '../ApiRoute.js';

const policyTestBody = z
  .strictObject({
    template: z.string().min(1),
    type: z.string().min(1),
    region: z.string().optional(),
    spot: z.boolean().optional(),
    hibernation: z.boolean().optional(),
    root_volume_gb: z.number().optional(),
    project: z.string().optional(),
    tags: z.record(z.string(), z.string()).optional(),
  })
  .meta({ id: 'PolicyTestRequest' });

/** Policy: show the one in force, test a launch against it (403 when it denies, as exit 3). */
export const policyRoutes: ApiRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/v1/policy',
    summary: "the profile's policy and its signed chain (as `cws-tui policy show --json`)",
    tag: 'policy',
    response: policyShowJsonSchema,
    handle: (_input, { commands }) => commands.run({ command: runPolicyCommand, args: ['show'] }),
  }),
  defineRoute({
    method: 'POST',
    url: '/v1/policy/test',
    summary:
      'test a launch against the policy without launching (as `cws-tui policy test --json`); 403 with the verdict as details when denied',
    tag: 'policy',
    body: policyTestBody,
    response: policyTestJsonSchema,
    handle: ({ body }, { commands }) =>
      commands.run({
        command: runPolicyCommand,
        args: ['test'],
        flags: {
          template: body.template,
          type: body.type,
          region: body.region,
          spot: body.spot ?? false,
          hibernation: body.hibernation ?? false,
          rootVolume: body.root_volume_gb,
          project: body.project,
          tag: Object.entries(body.tags ?? {}).map(([key, value]) => `${key}=${value}`),
        },
      }),
  }),
];
