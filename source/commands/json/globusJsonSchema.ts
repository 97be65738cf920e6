import { z } from 'zod';

/** `cws-tui globus whoami --json` (and `login --json`): the verified identity and its tokens' life. */
export const globusSessionJsonSchema = z
  .strictObject({
    identity: z.looseObject({ sub: z.string(), username: z.string() }),
    auth_url: z.string(),
    signed_in_at: z.string(),
    expires_at: z.string(),
    refreshable: z.boolean(),
    simulated: z.boolean(),
  })
  .meta({ id: 'GlobusSession' });

/** `cws-tui globus logout --json`: whether there was a sign-in, and whose tokens were revoked. */
export const globusSignedOutJsonSchema = z
  .strictObject({ signed_out: z.boolean(), username: z.string().nullable() })
  .meta({ id: 'GlobusSignedOut' });
