import { nodeCrypto } from '../../core/crypto/nodeCrypto.js';
import { GlobusAuthError } from '../../core/globus/GlobusAuthError.js';
import type { GlobusFlow } from '../../core/globus/GlobusFlow.js';
import {
  GLOBUS_SCOPES,
  type GlobusSession,
  type VerifiedGlobusIdentity,
} from '../../core/globus/GlobusSession.js';
import type { GlobusAuthPort, GlobusSignInStart } from '../../core/globus/ports.js';

/** The sample researcher the demo account's simulated Globus signs in. */
export const DEMO_GLOBUS_IDENTITY: VerifiedGlobusIdentity = {
  sub: 'b7c3f1de-5a2e-4c8f-9d41-0e6a2f3b9c11',
  username: 'ada@example.edu',
  name: 'Ada Lovelace',
  email: 'ada@example.edu',
  organization: 'Example University',
  identity_provider: '2f1c9a4e-7b3d-4e6f-8a9b-0c1d2e3f4a5b',
  identity_provider_display_name: 'Example University',
  identity_set: [
    {
      sub: 'b7c3f1de-5a2e-4c8f-9d41-0e6a2f3b9c11',
      username: 'ada@example.edu',
      name: 'Ada Lovelace',
      email: 'ada@example.edu',
      organization: 'Example University',
      identity_provider_display_name: 'Example University',
    },
    {
      sub: '5e0d7c21-3f4a-4b6c-8d9e-1a2b3c4d5e6f',
      username: 'ada@orcid.org',
      name: 'Ada Lovelace',
      identity_provider_display_name: 'ORCID',
    },
  ],
};

const TOKEN_LIFETIME_MS = 48 * 3_600_000;
const DEMO_AUTH_URL = 'https://auth.globus.org';

function random(bytes = 24): string {
  return nodeCrypto().randomBytes(bytes).toString('base64url');
}

function challengeOf(verifier: string): string {
  return nodeCrypto().createHash('sha256').update(verifier).digest('base64url');
}

interface PendingSignIn {
  challenge: string;
  code: string;
  used: boolean;
}

/**
 * The demo account's simulated Globus: no network, one sample identity, but the same rules as the
 * real service: the code is shown on its "page" for this sign-in only, works once, and only with
 * the verifier whose challenge started the sign-in; revoked tokens stop refreshing.
 */
export class DemoGlobusAuth implements GlobusAuthPort {
  readonly authUrl = DEMO_AUTH_URL;
  readonly pasteRedirectUri = `${DEMO_AUTH_URL}/v2/web/auth-code`;
  private readonly pending = new Map<string, PendingSignIn>();
  private readonly revoked = new Set<string>();

  async startSignIn(redirectUri: string, now: Date): Promise<GlobusSignInStart> {
    const flow: GlobusFlow = {
      state: random(),
      nonce: random(),
      code_verifier: random(32),
      redirect_uri: redirectUri,
      started_at: now.toISOString(),
    };
    const code = `DEMO-${nodeCrypto().randomBytes(4).toString('hex').toUpperCase()}`;
    this.pending.set(flow.state, { challenge: challengeOf(flow.code_verifier), code, used: false });
    const url = new URL(`${DEMO_AUTH_URL}/v2/oauth2/authorize`);
    url.search = new URLSearchParams({
      client_id: 'cws-tui-demo',
      redirect_uri: redirectUri,
      scope: GLOBUS_SCOPES.join(' '),
      code_challenge: challengeOf(flow.code_verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    }).toString();
    return {
      url: url.href,
      flow,
      hint: `demo account: this is a simulated Globus; its sign-in page shows the code ${code} for ${DEMO_GLOBUS_IDENTITY.username}`,
    };
  }

  async finishSignIn(flow: GlobusFlow, code: string, now: Date): Promise<GlobusSession> {
    const pending = this.pending.get(flow.state);
    if (!pending || pending.code !== code || pending.used) {
      throw new GlobusAuthError(
        'the Globus sign-in refused by the simulated Globus: the code is not valid (already used, or not issued for this sign-in)',
      );
    }
    if (pending.challenge !== challengeOf(flow.code_verifier)) {
      throw new GlobusAuthError(
        'the Globus sign-in refused by the simulated Globus: the PKCE verifier does not match',
      );
    }
    pending.used = true;
    return {
      version: 1,
      auth_url: this.authUrl,
      identity: DEMO_GLOBUS_IDENTITY,
      tokens: this.newTokens(now),
      signed_in_at: now.toISOString(),
      simulated: true,
    };
  }

  async refresh(session: GlobusSession, now: Date): Promise<GlobusSession> {
    const refreshToken = session.tokens.refresh_token;
    if (refreshToken === undefined || this.revoked.has(refreshToken)) {
      throw new GlobusAuthError(
        'renewing the Globus sign-in refused by the simulated Globus: the token was revoked',
      );
    }
    return { ...session, tokens: { ...this.newTokens(now), refresh_token: refreshToken } };
  }

  async revoke(session: GlobusSession): Promise<void> {
    if (session.tokens.refresh_token) this.revoked.add(session.tokens.refresh_token);
    this.revoked.add(session.tokens.access_token);
  }

  private newTokens(now: Date): GlobusSession['tokens'] {
    return {
      access_token: `demo-access-${random()}`,
      refresh_token: `demo-refresh-${random()}`,
      expires_at: new Date(now.getTime() + TOKEN_LIFETIME_MS).toISOString(),
      scope: GLOBUS_SCOPES.join(' '),
    };
  }
}
