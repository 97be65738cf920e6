/** An entry of `~/.aws/sso/cache/*.json`, as `aws sso login` writes it. */
export interface SsoCacheEntry {
  startUrl?: string;
  accessToken?: string;
  expiresAt?: string;
}

/** AWS Builder ID's start URL: the sso-session CodeCatalyst's sign-in uses. */
export const BUILDER_ID_START_URL = 'https://view.awsapps.com/start';

/**
 * The Builder ID bearer token from the SSO cache: the one of the Builder ID start URL that expires
 * last, if it is still valid. Undefined when there is none or all have expired.
 */
export function builderIdToken(entries: readonly SsoCacheEntry[], now: Date): string | undefined {
  let best: { token: string; expires: number } | undefined;
  for (const entry of entries) {
    if (entry.startUrl?.replace(/\/+$/, '').replace(/#.*$/, '') !== BUILDER_ID_START_URL) continue;
    const expires = Date.parse(entry.expiresAt ?? '');
    if (!entry.accessToken || !Number.isFinite(expires) || expires <= now.getTime()) continue;
    if (!best || expires > best.expires) best = { token: entry.accessToken, expires };
  }
  return best?.token;
}
