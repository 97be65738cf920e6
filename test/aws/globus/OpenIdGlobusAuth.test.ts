import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { globusAuthSettings } from '../../../source/aws/globus/globusAuthSettings.js';
import { openLoopbackReplyChannel } from '../../../source/aws/globus/loopbackReplyChannel.js';
import { OpenIdGlobusAuth } from '../../../source/aws/globus/OpenIdGlobusAuth.js';
import { freshGlobusSession } from '../../../source/core/globus/freshGlobusSession.js';
import { acceptGlobusReply } from '../../../source/core/globus/GlobusFlow.js';
import { GLOBUS_IDENTITIES_SCOPE } from '../../../source/core/globus/GlobusSession.js';
import { GlobusSessionStore } from '../../../source/core/globus/GlobusSessionStore.js';
import { pasteBackChannel } from '../../../source/core/globus/pasteBackChannel.js';
import { signInWithGlobus } from '../../../source/core/globus/signInWithGlobus.js';
import {
  followSignIn,
  type GlobusLikeProvider,
  JDOE,
  resignIdToken,
  startGlobusLikeProvider,
  TEST_CLIENT_ID,
  tamperingFetch,
} from '../../support/globusLikeProvider.js';

let server: GlobusLikeProvider;
let stateDir: string;

beforeAll(async () => {
  server = await startGlobusLikeProvider();
});
afterAll(() => server.close());
beforeEach(async () => {
  stateDir = await mkdtemp(join(tmpdir(), 'cws-globus-'));
});
afterEach(() => rm(stateDir, { recursive: true, force: true }));

function auth(fetchImpl?: typeof fetch): OpenIdGlobusAuth {
  const settings = globusAuthSettings({
    CWS_GLOBUS_AUTH_URL: server.url,
    CWS_GLOBUS_CLIENT_ID: TEST_CLIENT_ID,
  });
  return new OpenIdGlobusAuth({ settings, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
}

/** Signs in through the paste-back page and returns the started flow with the code Globus showed. */
async function codeFromPastePage(port: OpenIdGlobusAuth) {
  const start = await port.startSignIn(port.pasteRedirectUri, new Date());
  const landed = await followSignIn(start.url, port.pasteRedirectUri);
  const page = await (await fetch(landed)).text();
  const code = /<code id="code">([^<]+)<\/code>/.exec(page)?.[1] ?? '';
  return { start, code };
}

describe('Globus sign-in against a loopback OpenID Connect server', () => {
  it('runs the loopback flow end to end and stores the verified identity 0600', async () => {
    const port = auth();
    const store = new GlobusSessionStore(stateDir);
    let authorizationUrl = '';
    const channel = await openLoopbackReplyChannel({
      show(start) {
        authorizationUrl = start.url;
        // The browser: follows the sign-in and lands on the loopback redirect.
        void followSignIn(start.url, start.flow.redirect_uri).then((landed) => fetch(landed));
      },
    });
    expect(channel.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    const session = await signInWithGlobus(port, store, channel);
    const sent = new URL(authorizationUrl);
    expect(sent.pathname).toBe('/v2/oauth2/authorize');
    expect(sent.searchParams.get('code_challenge_method')).toBe('S256');
    expect(sent.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sent.searchParams.get('state')).toBeTruthy();
    expect(sent.searchParams.get('nonce')).toBeTruthy();
    expect(sent.searchParams.get('scope')?.split(' ')).toEqual([
      'openid',
      'profile',
      'email',
      GLOBUS_IDENTITIES_SCOPE,
    ]);
    expect(session.identity).toMatchObject({
      sub: JDOE.sub,
      username: 'jdoe@uni.edu',
      name: 'Jane Doe',
      email: 'jdoe@uni.edu',
      organization: 'University of Example',
    });
    expect(session.identity.identity_set.map((one) => one.username)).toEqual(['jdoe@uni.edu']);
    expect(session.tokens.refresh_token).toBeTruthy();
    expect(await store.read()).toEqual(session);
    expect((await stat(store.path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(stateDir, 'globus'))).mode & 0o777).toBe(0o700);
    // The loopback port answered its one request and is closed.
    await expect(fetch(channel.redirectUri)).rejects.toThrow();
  });

  it('runs the paste-back flow with the code shown on the auth-code page', async () => {
    const port = auth();
    const store = new GlobusSessionStore(stateDir);
    let pasted: Promise<string> = Promise.resolve('');
    const session = await signInWithGlobus(
      port,
      store,
      pasteBackChannel({
        redirectUri: port.pasteRedirectUri,
        show(start) {
          pasted = followSignIn(start.url, port.pasteRedirectUri).then(async (landed) => {
            const page = await (await fetch(landed)).text();
            return /<code id="code">([^<]+)<\/code>/.exec(page)?.[1] ?? '';
          });
        },
        readCode: () => pasted,
      }),
    );
    expect(session.identity.username).toBe('jdoe@uni.edu');
    expect(await store.read()).toEqual(session);
  });

  it('refuses a reply with another sign-in state, and a replayed reply', async () => {
    const port = auth();
    const { start, code } = await codeFromPastePage(port);
    expect(() => acceptGlobusReply(start.flow, { code, state: 'forged' }, new Date())).toThrow(
      /state does not match this sign-in/,
    );
    expect(() => acceptGlobusReply(start.flow, { code }, new Date())).toThrow(/carries no state/);
    acceptGlobusReply(start.flow, { code, state: start.flow.state }, new Date());
    expect(() => acceptGlobusReply(start.flow, { code, state: start.flow.state }, new Date())).toThrow(
      /refused as a replay/,
    );
  });

  it('refuses a code sent without its PKCE verifier', async () => {
    const port = auth();
    const { start, code } = await codeFromPastePage(port);
    const other = await port.startSignIn(port.pasteRedirectUri, new Date());
    await expect(
      port.finishSignIn({ ...start.flow, code_verifier: other.flow.code_verifier }, code, new Date()),
    ).rejects.toThrow(/refused by .*: the code or token is not valid/);
  });

  it('refuses a code used twice', async () => {
    const port = auth();
    const { start, code } = await codeFromPastePage(port);
    await port.finishSignIn(start.flow, code, new Date());
    await expect(port.finishSignIn(start.flow, code, new Date())).rejects.toThrow(/already used/);
  });

  const { privateKey: strangerKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  it.each([
    ['a bad signature', () => strangerKey, {}, /signature does not match the server's published keys/],
    ['the wrong audience', () => server.signingKey, { aud: 'another-client' }, /wrong audience/],
    [
      'an expiry in the past',
      () => server.signingKey,
      { exp: 1_000_000_000, iat: 999_999_000 },
      /expired|too long ago/,
    ],
    ['another sign-in nonce', () => server.signingKey, { nonce: 'replayed' }, /nonce/],
    ['the wrong issuer', () => server.signingKey, { iss: 'https://auth.example.org' }, /wrong issuer/],
  ])('refuses an ID token with %s and stores nothing', async (_label, key, changes, reason) => {
    const port = auth(tamperingFetch((token) => resignIdToken(token, changes, key())));
    const store = new GlobusSessionStore(stateDir);
    const { start, code } = await codeFromPastePage(port);
    await expect(port.finishSignIn(start.flow, code, new Date())).rejects.toThrow(reason);
    expect(await store.read()).toBeUndefined();
  });

  it('leaves no half-stored tokens when the network fails during the flow', async () => {
    const failing: typeof fetch = (input, init) =>
      String(input instanceof Request ? input.url : input).endsWith('/userinfo')
        ? Promise.reject(new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } }))
        : fetch(input, init);
    const port = auth(failing);
    const store = new GlobusSessionStore(stateDir);
    let pasted: Promise<string> = Promise.resolve('');
    await expect(
      signInWithGlobus(
        port,
        store,
        pasteBackChannel({
          redirectUri: port.pasteRedirectUri,
          show(start) {
            pasted = followSignIn(start.url, port.pasteRedirectUri).then(
              (landed) => landed.searchParams.get('code') ?? '',
            );
          },
          readCode: () => pasted,
        }),
      ),
    ).rejects.toThrow(/cannot reach .*ECONNRESET.*nothing was stored/);
    expect(await readdir(stateDir)).toEqual([]);
  });

  it('refreshes tokens about to expire and stores the new ones', async () => {
    const port = auth();
    const store = new GlobusSessionStore(stateDir);
    const { start, code } = await codeFromPastePage(port);
    const session = await port.finishSignIn(start.flow, code, new Date());
    await store.write({
      ...session,
      tokens: { ...session.tokens, expires_at: new Date(Date.now() - 1000).toISOString() },
    });
    const fresh = await freshGlobusSession(store, port, new Date());
    expect(fresh?.tokens.access_token).not.toBe(session.tokens.access_token);
    expect(new Date(fresh?.tokens.expires_at ?? 0).getTime()).toBeGreaterThan(Date.now());
    expect(await store.read()).toEqual(fresh);
  });

  it('revokes the tokens at the server: the refresh token no longer works', async () => {
    const port = auth();
    const { start, code } = await codeFromPastePage(port);
    const session = await port.finishSignIn(start.flow, code, new Date());
    await port.revoke(session);
    await expect(port.refresh(session, new Date())).rejects.toThrow(
      /not valid \(already used, expired, revoked/,
    );
  });
});
