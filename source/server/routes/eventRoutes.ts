import { z } from 'zod';
import { launchProgressJsonSchema } from '../../commands/json/launchJsonSchema.js';
import { workstationJsonSchema } from '../../commands/json/workstationJsonSchema.js';
import { type ApiRoute, defineRoute } from '../ApiRoute.js';

/** The events' payloads, by SSE event name (documented in the OpenAPI document). */
export const apiEventJsonSchema = z
  .union([
    z.object({ name: z.string(), template: z.string(), progress: launchProgressJsonSchema }).meta({
      description: '`launch-progress`: a step of a launch, as the TUI shows it',
    }),
    z.object({ name: z.string(), workstation: workstationJsonSchema }).meta({
      description: '`launched`: a launch finished; the workstation as `list --json` shows it',
    }),
    z.object({ action: z.string(), name: z.string(), id: z.string() }).meta({
      description: '`action`: a start, stop, hibernate or terminate was sent',
    }),
    z
      .object({
        name: z.string(),
        id: z.string(),
        from: z.string().nullable(),
        to: z.string(),
        workstation: workstationJsonSchema,
      })
      .meta({ description: "`state-change`: the server's refresh loop saw a new state" }),
    z.object({ message: z.string() }).meta({ description: '`refresh-failed`: a refresh could not list' }),
  ])
  .meta({ id: 'Event' });

export const eventRoutes: ApiRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/v1/events',
    summary:
      'Server-Sent Events: launch-progress, launched, action, state-change (text/event-stream; Last-Event-ID replays)',
    tag: 'events',
    response: apiEventJsonSchema,
    stream: ({ events }, response, lastEventId) => events.open(response, lastEventId),
  }),
];
