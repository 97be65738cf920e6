import type { GlobusFlow } from './GlobusFlow.js';
import type { GlobusSession } from './GlobusSession.js';

/** A sign-in ready to send the person to: the URL and the flow that checks the reply. */
export interface GlobusSignInStart {
  url: string;
  flow: GlobusFlow;
  /** What the person needs to know besides the link (the demo's simulated page says its code). */
  hint?: string;
}

/**
 * Globus Auth as a native app: authorization code with PKCE (S256), state and nonce. The real
 * adapter speaks OpenID Connect to Globus (or `CWS_GLOBUS_AUTH_URL`); the demo account simulates it.
 */
export interface GlobusAuthPort {
  /** Where the sign-in page shows a code to paste back, when no redirect can reach this machine. */
  readonly pasteRedirectUri: string;
  /** The auth service's base URL, recorded with a session. */
  readonly authUrl: string;
  startSignIn(redirectUri: string, now: Date): Promise<GlobusSignInStart>;
  /**
   * Exchanges the reply's code (after `acceptGlobusReply`), verifies the ID token (signature,
   * issuer, audience, expiry, nonce) and reads the user info and identity set. Nothing is stored.
   * `issuer` is the one the redirect named, if it named one.
   */
  finishSignIn(flow: GlobusFlow, code: string, now: Date, issuer?: string): Promise<GlobusSession>;
  refresh(session: GlobusSession, now: Date): Promise<GlobusSession>;
  /** Revokes the refresh and access tokens at the auth service. */
  revoke(session: GlobusSession): Promise<void>;
}
