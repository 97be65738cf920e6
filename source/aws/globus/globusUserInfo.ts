import { z } from 'zod';
import { GlobusAuthError } from '../../core/globus/GlobusAuthError.js';
import type { LinkedGlobusIdentity, VerifiedGlobusIdentity } from '../../core/globus/GlobusSession.js';

const optionalText = z
  .string()
  .nullish()
  .transform((value) => value ?? undefined);

const identitySetEntry = z.object({
  sub: z.string().min(1),
  username: z.string().min(1),
  name: optionalText,
  email: optionalText,
  identity_provider: optionalText,
  identity_provider_display_name: optionalText,
  organization: optionalText,
});

const userInfo = z.object({
  sub: z.string().min(1),
  preferred_username: z.string().min(1),
  name: optionalText,
  email: optionalText,
  identity_provider: optionalText,
  identity_provider_display_name: optionalText,
  organization: optionalText,
  identity_set: z.array(identitySetEntry).optional(),
});

function compact(entry: Record<string, string | undefined>): LinkedGlobusIdentity {
  return Object.fromEntries(
    Object.entries(entry).filter(([, value]) => value !== undefined),
  ) as LinkedGlobusIdentity;
}

/** Globus's user info (with the identities scope) as the identity model; the ID token's sub must match. */
export function identityFromUserInfo(raw: unknown, idTokenSub: string): VerifiedGlobusIdentity {
  const parsed = userInfo.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new GlobusAuthError(
      `Globus's user info is not usable: ${issue?.path.map(String).join('.') || 'reply'}: ${issue?.message}`,
    );
  }
  const { preferred_username, identity_set, ...rest } = parsed.data;
  if (rest.sub !== idTokenSub) {
    throw new GlobusAuthError("Globus's user info is for another identity than the ID token: refused");
  }
  const own = compact({ ...rest, username: preferred_username });
  return { ...own, identity_set: (identity_set ?? [own]).map(compact) };
}
