import { GlobusAuthError } from './GlobusAuthError.js';

/** How long a sign-in waits for its reply before it is given up. */
export const GLOBUS_SIGN_IN_TIMEOUT_MS = 5 * 60_000;

/**
 * One sign-in in progress: the secrets that bind Globus's reply to it. They stay in this process's
 * memory; only the code challenge, the state and the nonce leave it.
 */
export interface GlobusFlow {
  state: string;
  nonce: string;
  code_verifier: string;
  redirect_uri: string;
  started_at: string;
  /** Set once a reply was accepted: the same reply (or another) is then refused as a replay. */
  finished?: boolean;
}

/** What came back: the loopback request's query, or the code pasted from Globus's page. */
export interface GlobusReply {
  code?: string;
  state?: string;
  error?: string;
  error_description?: string;
  /** The issuer, when the server names it in the redirect (RFC 9207); a pasted code has none. */
  iss?: string;
}

/** The reply's query parameters (a loopback request's URL). */
export function replyFromUrl(url: URL): GlobusReply {
  const reply: GlobusReply = {};
  for (const key of ['code', 'state', 'error', 'error_description', 'iss'] as const) {
    const value = url.searchParams.get(key);
    if (value !== null) reply[key] = value;
  }
  return reply;
}

/**
 * Checks a reply against its flow before any code is exchanged, and marks the flow finished: a
 * refusal from Globus, a reply to another sign-in (forged, or an older one replayed), a second reply
 * to this one, and one that came too late are each refused with their reason.
 */
export function acceptGlobusReply(
  flow: GlobusFlow,
  reply: GlobusReply,
  now: Date,
  timeoutMs: number = GLOBUS_SIGN_IN_TIMEOUT_MS,
): string {
  if (flow.finished) {
    throw new GlobusAuthError('this sign-in already finished: a second reply to it is refused as a replay');
  }
  if (reply.error !== undefined) {
    flow.finished = true;
    throw new GlobusAuthError(
      `Globus refused the sign-in: ${reply.error}${reply.error_description ? ` (${reply.error_description})` : ''}`,
    );
  }
  if (reply.state === undefined || reply.state !== flow.state) {
    throw new GlobusAuthError(
      reply.state === undefined
        ? 'the reply carries no state, so it cannot be tied to this sign-in: refused'
        : 'the reply state does not match this sign-in (forged, or from another sign-in): refused',
    );
  }
  if (now.getTime() - new Date(flow.started_at).getTime() > timeoutMs) {
    flow.finished = true;
    throw new GlobusAuthError(
      `the sign-in took longer than ${Math.round(timeoutMs / 60_000)} minutes and was given up: run it again`,
    );
  }
  const code = reply.code?.trim();
  if (!code) throw new GlobusAuthError('the reply carries no authorization code');
  if (!/^[\x21-\x7e]{1,512}$/.test(code)) {
    throw new GlobusAuthError('that is not an authorization code: it has spaces or unprintable characters');
  }
  flow.finished = true;
  return code;
}
