import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { GLOBUS_IDENTITIES_SCOPE } from '../../source/core/globus/GlobusSession.js';

export const TEST_CLIENT_ID = 'cws-tui-native-test';

export interface GlobusIdentityFixture {
  sub: string;
  username: string;
  name: string;
  email: string;
  organization: string;
  identity_provider: string;
}

export const JDOE: GlobusIdentityFixture = {
  sub: '0c4b1a5e-1111-4a4a-9c9c-3f2a1b0c0d01',
  username: 'jdoe@uni.edu',
  name: 'Jane Doe',
  email: 'jdoe@uni.edu',
  organization: 'University of Example',
  identity_provider: '7dee4f5e-9a5b-4b9e-8b6c-1f3c2d4e5f60',
};

export interface GlobusLikeProvider {
  url: string;
  /** The private key the server signs ID tokens with (tests re-sign tampered tokens with it). */
  signingKey: KeyObject;
  /** Who signs in at the next interaction. */
  signInAs(identity: GlobusIdentityFixture): void;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect server (`oidc-provider`) on loopback, shaped like Globus Auth: its endpoint
 * paths, RS512 ID tokens, the identities scope with `identity_set` in the user info, refresh tokens
 * and revocation, PKCE required, and the native-app page that shows a code to paste back. Its login
 * and consent are answered at once for the identity the test chose.
 */
export async function startGlobusLikeProvider(): Promise<GlobusLikeProvider> {
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let identity = JDOE;
  const accounts = new Map<string, GlobusIdentityFixture>();
  const provider = new Provider(url, {
    clients: [
      {
        client_id: TEST_CLIENT_ID,
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: ['http://127.0.0.1/callback', `${url}/v2/web/auth-code`],
        id_token_signed_response_alg: 'RS512',
      },
    ],
    jwks: {
      keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'globus-test', use: 'sig', alg: 'RS512' }],
    },
    enabledJWA: { idTokenSigningAlgValues: ['RS512'] },
    routes: {
      authorization: '/v2/oauth2/authorize',
      token: '/v2/oauth2/token',
      revocation: '/v2/oauth2/token/revoke',
      userinfo: '/v2/oauth2/userinfo',
      jwks: '/jwk.json',
    },
    scopes: ['openid', 'profile', 'email', GLOBUS_IDENTITIES_SCOPE],
    claims: {
      profile: ['name', 'preferred_username', 'organization', 'identity_provider'],
      email: ['email'],
      [GLOBUS_IDENTITIES_SCOPE]: ['identity_set'],
    },
    features: { devInteractions: { enabled: false }, revocation: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ['globus-like-provider-test'] },
    issueRefreshToken: () => true,
    ttl: { AccessToken: 3600, IdToken: 3600, RefreshToken: 86_400, Grant: 86_400, Session: 86_400 },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          preferred_username: account.username,
          name: account.name,
          email: account.email,
          organization: account.organization,
          identity_provider: account.identity_provider,
          identity_set: [{ ...account }],
        }),
      };
    },
  });
  const callback = provider.callback();
  handler = (req, res) => {
    const path = new URL(req.url ?? '/', url);
    if (path.pathname.startsWith('/interaction/')) {
      void finishInteraction(provider, req, res, () => {
        accounts.set(identity.sub, identity);
        return identity.sub;
      });
    } else if (path.pathname === '/v2/web/auth-code') {
      // Globus's native-app page: shows the code for the person to paste into the app.
      res.setHeader('content-type', 'text/html');
      res.end(
        `<p>Native App Authorization Code</p><code id="code">${path.searchParams.get('code') ?? ''}</code>`,
      );
    } else {
      callback(req, res);
    }
  };
  return {
    url,
    signingKey: privateKey,
    signInAs(next) {
      identity = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function finishInteraction(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  accountId: () => string,
): Promise<void> {
  try {
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'login') {
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: accountId() } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    const grant = new provider.Grant({
      accountId: details.session?.accountId ?? accountId(),
      clientId: String(details.params.client_id),
    });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  } catch (error) {
    res.statusCode = 500;
    res.end(String(error));
  }
}

/**
 * A browser for the tests: follows the sign-in's redirects with the server's cookies until the one
 * that leaves for the redirect URI, and returns that URL (not requested).
 */
export async function followSignIn(authorizationUrl: string, redirectPrefix: string): Promise<URL> {
  const cookies = new Map<string, string>();
  let next = new URL(authorizationUrl);
  for (let hop = 0; hop < 20; hop += 1) {
    if (next.href.startsWith(redirectPrefix)) return next;
    const response = await fetch(next, {
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (pair && eq > 0) cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const location = response.headers.get('location');
    await response.arrayBuffer();
    if (!location) throw new Error(`the sign-in stopped at ${next.href} (HTTP ${response.status})`);
    next = new URL(location, next);
  }
  throw new Error('the sign-in redirected too many times');
}

/** The ID token with some claims changed, signed again with `key` (the server's, or another). */
export function resignIdToken(idToken: string, changes: Record<string, unknown>, key: KeyObject): string {
  const [header, payload] = idToken.split('.');
  const claims = { ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')), ...changes };
  const body = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${body}.${sign('sha512', Buffer.from(body), key).toString('base64url')}`;
}

/** A fetch that changes the ID token of the token endpoint's replies. */
export function tamperingFetch(change: (idToken: string) => string): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (!String(input instanceof Request ? input.url : input).endsWith('/v2/oauth2/token')) return response;
    const body = (await response.json()) as { id_token?: string };
    if (body.id_token) body.id_token = change(body.id_token);
    return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
  };
}
