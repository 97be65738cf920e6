import { z } from 'zod';
import { profileJsonSchema } from '../../commands/json/teamJsonSchema.js';
import { runProfilesCommand } from '../../commands/profilesCommand.js';
import { type ApiContext, type ApiRoute, defineRoute } from '../ApiRoute.js';

/** `GET /v1/session`: who and where the server's session runs, as the TUI's header shows it. */
export const sessionJsonSchema = z
  .object({
    account_kind: z.string(),
    profile: z.string(),
    region: z.string(),
    regions: z.array(z.string()),
    research_user: z.string().nullable(),
    team_store: z.string().nullable(),
    identity: z.object({ account: z.string(), arn: z.string() }).nullable(),
    notices: z.array(z.string()),
  })
  .meta({ id: 'Session' });

async function sessionJson({ session }: ApiContext): Promise<z.infer<typeof sessionJsonSchema>> {
  const current = session();
  const identity = await current.callerIdentity().then(
    (found) => ({ account: found.account, arn: found.arn }),
    () => null,
  );
  const { info } = current;
  return {
    account_kind: info.account_kind,
    profile: info.profile,
    region: info.region,
    regions: info.regions,
    research_user: info.research_user ?? null,
    team_store: info.team_store ?? null,
    identity,
    notices: info.notices,
  };
}

/** Identity and profile: the session, the profiles, switching profile. */
export const sessionRoutes: ApiRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/v1/session',
    summary: "the session's account, profile, region, research user and AWS identity",
    tag: 'session',
    response: sessionJsonSchema,
    handle: (_input, context) => sessionJson(context),
  }),
  defineRoute({
    method: 'GET',
    url: '/v1/profiles',
    summary: 'the profiles of the config (as `cws-tui profiles list --json`)',
    tag: 'session',
    response: z.array(profileJsonSchema).meta({ id: 'ProfileList' }),
    handle: (_input, { commands }) => commands.run({ command: runProfilesCommand, args: ['list'] }),
  }),
  defineRoute({
    method: 'PUT',
    url: '/v1/session/profile',
    summary:
      'switch the session to another profile (as `cws-tui profiles use <name>`, then the session is opened on it)',
    tag: 'session',
    body: z.strictObject({ profile: z.string().min(1) }).meta({ id: 'ProfileSwitch' }),
    response: sessionJsonSchema,
    mutation: true,
    handle: async ({ body }, context) => {
      await context.commands.run({ command: runProfilesCommand, args: ['use', body.profile] });
      await context.switchProfile(body.profile);
      return sessionJson(context);
    },
  }),
];
