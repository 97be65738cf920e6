import { z } from 'zod';
import { lazySchema } from '../schema/lazySchema.js';

/** Globus's scope for the identities linked to the signed-in one (its identity set). */
export const GLOBUS_IDENTITIES_SCOPE = 'urn:globus:auth:scope:auth.globus.org:view_identities';
export const GLOBUS_SCOPES = ['openid', 'profile', 'email', GLOBUS_IDENTITIES_SCOPE] as const;

/** One identity of a Globus identity set: an institution's login linked to the same person. */
export const linkedGlobusIdentitySchema = lazySchema(() =>
  z.object({
    sub: z.string().min(1),
    username: z.string().min(1),
    name: z.string().optional(),
    email: z.string().optional(),
    identity_provider: z.string().optional(),
    identity_provider_display_name: z.string().optional(),
    organization: z.string().optional(),
  }),
);
export type LinkedGlobusIdentity = z.infer<typeof linkedGlobusIdentitySchema>;

/** Who signed in, from a verified ID token and the user info Globus gave for its access token. */
export const verifiedGlobusIdentitySchema = lazySchema(() =>
  linkedGlobusIdentitySchema.extend({
    identity_set: z.array(linkedGlobusIdentitySchema),
  }),
);
export type VerifiedGlobusIdentity = z.infer<typeof verifiedGlobusIdentitySchema>;

/** Secrets: stored 0600 under the state dir, never printed or logged. */
export const globusTokensSchema = lazySchema(() =>
  z.strictObject({
    access_token: z.string().min(1),
    refresh_token: z.string().min(1).optional(),
    id_token: z.string().min(1).optional(),
    expires_at: z.iso.datetime(),
    scope: z.string(),
  }),
);
export type GlobusTokens = z.infer<typeof globusTokensSchema>;

export const globusSessionSchema = lazySchema(() =>
  z.strictObject({
    version: z.literal(1),
    /** The auth service that issued the tokens: a session is only refreshed or revoked there. */
    auth_url: z.string().min(1),
    identity: verifiedGlobusIdentitySchema,
    tokens: globusTokensSchema,
    signed_in_at: z.iso.datetime(),
    /** The simulated sign-in of the demo account, never accepted for a real profile. */
    simulated: z.boolean().optional(),
  }),
);
export type GlobusSession = z.infer<typeof globusSessionSchema>;

/** What a session shows: everything but the tokens. */
export function describeGlobusSession(session: GlobusSession): {
  identity: VerifiedGlobusIdentity;
  auth_url: string;
  signed_in_at: string;
  expires_at: string;
  refreshable: boolean;
  simulated: boolean;
} {
  return {
    identity: session.identity,
    auth_url: session.auth_url,
    signed_in_at: session.signed_in_at,
    expires_at: session.tokens.expires_at,
    refreshable: session.tokens.refresh_token !== undefined,
    simulated: session.simulated === true,
  };
}
