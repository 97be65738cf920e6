import { GlobusAuthError } from '../../core/globus/GlobusAuthError.js';

const CLAIM_REASONS: Record<string, string> = {
  aud: 'the ID token was issued for another client (wrong audience)',
  iss: 'the ID token was issued by another server (wrong issuer)',
  nonce: 'the ID token does not carry this sign-in’s nonce (replayed or issued for another sign-in)',
  azp: 'the ID token was issued for another client (wrong authorized party)',
  exp: 'the ID token has expired',
  iat: 'the ID token was issued too long ago',
  nbf: 'the ID token is not valid yet',
};

function errorFields(error: unknown): {
  code?: string;
  claim?: string;
  oauthError?: string;
  description?: string;
} {
  if (error === null || typeof error !== 'object') return {};
  const fields = error as { code?: unknown; cause?: unknown; error?: unknown; error_description?: unknown };
  const cause =
    fields.cause !== null && typeof fields.cause === 'object' ? (fields.cause as { claim?: unknown }) : {};
  return {
    ...(typeof fields.code === 'string' ? { code: fields.code } : {}),
    ...(typeof cause.claim === 'string' ? { claim: cause.claim } : {}),
    ...(typeof fields.error === 'string' ? { oauthError: fields.error } : {}),
    ...(typeof fields.error_description === 'string' ? { description: fields.error_description } : {}),
  };
}

/**
 * The OpenID client's failure as a GlobusAuthError naming the reason: which ID token check failed,
 * what the server answered, or that it could not be reached. No token is ever part of the message.
 */
export function globusRefusal(error: unknown, doing: string, authUrl: string): GlobusAuthError {
  if (error instanceof GlobusAuthError) return error;
  // openid-client wraps the checks' own errors (which name the claim) in one of its own.
  const inner = (error as { cause?: unknown } | null)?.cause;
  if (inner instanceof Error && typeof (inner as { code?: unknown }).code === 'string') {
    return globusRefusal(inner, doing, authUrl);
  }
  const { code, claim, oauthError, description } = errorFields(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' || code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED') {
    const reason = (claim && CLAIM_REASONS[claim]) ?? message;
    return new GlobusAuthError(`${doing} refused: ${reason}`);
  }
  if (code === 'OAUTH_INVALID_RESPONSE' && /signature/i.test(message)) {
    return new GlobusAuthError(
      `${doing} refused: the ID token's signature does not match the server's published keys (JWKS)`,
    );
  }
  if (code === 'OAUTH_KEY_SELECTION_FAILED') {
    return new GlobusAuthError(
      `${doing} refused: the ID token was signed with a key the server does not publish`,
    );
  }
  if (code === 'OAUTH_RESPONSE_BODY_ERROR' && oauthError) {
    const reason =
      oauthError === 'invalid_grant'
        ? 'the code or token is not valid (already used, expired, revoked, or not issued for this sign-in)'
        : oauthError;
    return new GlobusAuthError(
      `${doing} refused by ${authUrl}: ${reason}${description ? ` (${description})` : ''}`,
    );
  }
  if (
    error instanceof TypeError ||
    (code === undefined && /fetch failed|ECONNREFUSED|ENOTFOUND|timed? ?out|abort/i.test(message))
  ) {
    const cause = (error as { cause?: { code?: unknown } }).cause;
    const detail = cause && typeof cause.code === 'string' ? cause.code : message;
    return new GlobusAuthError(`${doing} failed: cannot reach ${authUrl} (${detail}); nothing was stored`);
  }
  return new GlobusAuthError(`${doing} failed: ${message}`);
}
