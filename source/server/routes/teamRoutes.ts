import { z } from 'zod';
import { runInviteCommand } from '../../commands/inviteCommand.js';
import { invitationJsonSchema, researchUserJsonSchema } from '../../commands/json/teamJsonSchema.js';
import { runUsersCommand } from '../../commands/usersCommand.js';
import { type ApiRoute, defineRoute } from '../ApiRoute.js';

/** Research users and the lab's invitations. */
export const teamRoutes: ApiRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/v1/users',
    summary: 'the research users (as `cws-tui users list --json`)',
    tag: 'users',
    response: z.array(researchUserJsonSchema).meta({ id: 'ResearchUserList' }),
    handle: (_input, { commands }) => commands.run({ command: runUsersCommand, args: ['list'] }),
  }),
  defineRoute({
    method: 'GET',
    url: '/v1/users/:name',
    summary: 'one research user (as `cws-tui users show <name> --json`)',
    tag: 'users',
    params: z.strictObject({ name: z.string().min(1) }),
    response: researchUserJsonSchema,
    handle: ({ params }, { commands }) =>
      commands.run({ command: runUsersCommand, args: ['show', params.name] }),
  }),
  defineRoute({
    method: 'GET',
    url: '/v1/invitations',
    summary: "the lab's invitations with their state and uses (as `cws-tui invite list --json`)",
    tag: 'users',
    response: z.array(invitationJsonSchema).meta({ id: 'InvitationList' }),
    handle: (_input, { commands }) => commands.run({ command: runInviteCommand, args: ['list'] }),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/v1/invitations/:id',
    summary: 'revoke an invitation (as `cws-tui invite revoke <id> --json`; admin profiles only)',
    tag: 'users',
    params: z.strictObject({ id: z.string().min(1) }),
    response: invitationJsonSchema,
    mutation: true,
    handle: ({ params }, { commands }) =>
      commands.run({ command: runInviteCommand, args: ['revoke', params.id] }),
  }),
];
