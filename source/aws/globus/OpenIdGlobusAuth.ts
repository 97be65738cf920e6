import * as oidc from 'openid-client';
import { GlobusAuthError } from '../../core/globus/GlobusAuthError.js';
import type { GlobusFlow } from '../../core/globus/GlobusFlow.js';
import { GLOBUS_SCOPES, type GlobusSession, type GlobusTokens } from '../../core/globus/GlobusSession.js';
import type { GlobusAuthPort, GlobusSignInStart } from '../../core/globus/ports.js';
import { type GlobusAuthSettings, isLoopback } from './globusAuthSettings.js';
import { globusRefusal } from './globusRefusal.js';
import { identityFromUserInfo } from './globusUserInfo.js';

/** Seconds a request to the auth service may take before the step fails. */
const REQUEST_TIMEOUT_S = 20;

export interface OpenIdGlobusAuthOptions {
  settings: GlobusAuthSettings;
  /** Tests put a proxy between the client and the server here (a tampered reply, a network failure). */
  fetch?: typeof fetch;
}

/**
 * Globus Auth through `openid-client`: discovery, PKCE (S256), state, nonce, the ID token's
 * signature checked against the server's JWKS (not only trusted from TLS), user info, refresh and
 * revocation. A public native client: no secret.
 */
export class OpenIdGlobusAuth implements GlobusAuthPort {
  readonly authUrl: string;
  readonly pasteRedirectUri: string;
  private configuration: Promise<oidc.Configuration> | undefined;

  constructor(private readonly options: OpenIdGlobusAuthOptions) {
    this.authUrl = options.settings.authUrl;
    // Globus's page for native apps that shows the code to paste back.
    this.pasteRedirectUri = `${this.authUrl}/v2/web/auth-code`;
  }

  async startSignIn(redirectUri: string, now: Date): Promise<GlobusSignInStart> {
    const config = await this.config('starting the Globus sign-in');
    const flow: GlobusFlow = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      code_verifier: oidc.randomPKCECodeVerifier(),
      redirect_uri: redirectUri,
      started_at: now.toISOString(),
    };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: GLOBUS_SCOPES.join(' '),
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.code_verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
      // Globus issues a refresh token for offline access only.
      access_type: 'offline',
    });
    return { url: url.href, flow };
  }

  async finishSignIn(flow: GlobusFlow, code: string, now: Date, issuer?: string): Promise<GlobusSession> {
    const doing = 'the Globus sign-in';
    const config = await this.config(doing);
    try {
      const reply = new URL(flow.redirect_uri);
      reply.searchParams.set('code', code);
      reply.searchParams.set('state', flow.state);
      // A pasted code comes from the auth service's own page: its issuer is the one configured.
      const iss = issuer ?? config.serverMetadata().issuer;
      if (config.serverMetadata().authorization_response_iss_parameter_supported)
        reply.searchParams.set('iss', iss);
      const tokens = await oidc.authorizationCodeGrant(config, reply, {
        pkceCodeVerifier: flow.code_verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new GlobusAuthError(`${doing} refused: the server sent no ID token`);
      const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
      return {
        version: 1,
        auth_url: this.authUrl,
        identity: identityFromUserInfo(info, claims.sub),
        tokens: tokensOf(tokens, now),
        signed_in_at: now.toISOString(),
      };
    } catch (error) {
      throw globusRefusal(error, doing, this.authUrl);
    }
  }

  async refresh(session: GlobusSession, now: Date): Promise<GlobusSession> {
    const doing = 'renewing the Globus sign-in';
    const refreshToken = session.tokens.refresh_token;
    if (refreshToken === undefined) throw new GlobusAuthError(`${doing}: this session has no refresh token`);
    this.requireSameServer(session, doing);
    const config = await this.config(doing);
    try {
      const tokens = await oidc.refreshTokenGrant(config, refreshToken);
      const renewed = tokensOf(tokens, now);
      return {
        ...session,
        tokens: {
          ...renewed,
          // A server that does not rotate refresh tokens keeps the one it gave.
          refresh_token: renewed.refresh_token ?? refreshToken,
          ...(renewed.id_token === undefined && session.tokens.id_token !== undefined
            ? { id_token: session.tokens.id_token }
            : {}),
        },
      };
    } catch (error) {
      throw globusRefusal(error, doing, this.authUrl);
    }
  }

  async revoke(session: GlobusSession): Promise<void> {
    const doing = 'signing out of Globus';
    this.requireSameServer(session, doing);
    const config = await this.config(doing);
    try {
      if (session.tokens.refresh_token !== undefined) {
        await oidc.tokenRevocation(config, session.tokens.refresh_token, {
          token_type_hint: 'refresh_token',
        });
      }
      await oidc.tokenRevocation(config, session.tokens.access_token, { token_type_hint: 'access_token' });
    } catch (error) {
      throw globusRefusal(error, doing, this.authUrl);
    }
  }

  private requireSameServer(session: GlobusSession, doing: string): void {
    if (session.auth_url !== this.authUrl) {
      throw new GlobusAuthError(
        `${doing}: the session is from ${session.auth_url}, not ${this.authUrl} (CWS_GLOBUS_AUTH_URL changed)`,
      );
    }
  }

  private config(doing: string): Promise<oidc.Configuration> {
    const clientId = this.options.settings.clientId;
    if (clientId === undefined) {
      return Promise.reject(
        new GlobusAuthError(
          `${doing}: no Globus client id; register a native app at app.globus.org and set CWS_GLOBUS_CLIENT_ID`,
        ),
      );
    }
    this.configuration ??= this.discover(clientId).catch((error: unknown) => {
      this.configuration = undefined;
      throw globusRefusal(
        error,
        `${doing} (reading ${this.authUrl}/.well-known/openid-configuration)`,
        this.authUrl,
      );
    });
    return this.configuration;
  }

  private async discover(clientId: string): Promise<oidc.Configuration> {
    const server = new URL(this.authUrl);
    const customFetch = this.options.fetch;
    const config = await oidc.discovery(
      server,
      clientId,
      { token_endpoint_auth_method: 'none' },
      oidc.None(),
      {
        timeout: REQUEST_TIMEOUT_S,
        ...(isLoopback(server) && server.protocol === 'http:'
          ? { execute: [oidc.allowInsecureRequests] }
          : {}),
        ...(customFetch
          ? { [oidc.customFetch]: (url: string, init: RequestInit) => customFetch(url, init) }
          : {}),
      },
    );
    if (customFetch) config[oidc.customFetch] = (url, init) => customFetch(url, init as RequestInit);
    // Over TLS the library may trust the ID token as sent; Globus's keys are checked regardless.
    oidc.enableNonRepudiationChecks(config);
    return config;
  }
}

function tokensOf(
  tokens: {
    access_token: string;
    refresh_token?: string;
    id_token?: string;
    scope?: string;
    expiresIn(): number | undefined;
  },
  now: Date,
): GlobusTokens {
  // Without an expiry the token is treated as short-lived: refreshed at the next use.
  const seconds = tokens.expiresIn() ?? 0;
  return {
    access_token: tokens.access_token,
    ...(tokens.refresh_token ? { refresh_token: tokens.refresh_token } : {}),
    ...(tokens.id_token ? { id_token: tokens.id_token } : {}),
    expires_at: new Date(now.getTime() + seconds * 1000).toISOString(),
    scope: tokens.scope ?? GLOBUS_SCOPES.join(' '),
  };
}
