import { GlobusAuthError } from '../../core/globus/GlobusAuthError.js';
import type { GlobusAuthPort } from '../../core/globus/ports.js';
import { GLOBUS_AUTH_URL, globusAuthSettings } from './globusAuthSettings.js';
import { OpenIdGlobusAuth } from './OpenIdGlobusAuth.js';

/**
 * Globus Auth as the environment configures it. A bad `CWS_GLOBUS_AUTH_URL` must not stop the rest
 * of the app from opening: the sign-in alone is refused, with the reason.
 */
export function globusAuthFromEnv(env: NodeJS.ProcessEnv): GlobusAuthPort {
  try {
    return new OpenIdGlobusAuth({ settings: globusAuthSettings(env) });
  } catch (error) {
    if (!(error instanceof GlobusAuthError)) throw error;
    const refuse = () => Promise.reject(error);
    return {
      authUrl: env.CWS_GLOBUS_AUTH_URL ?? GLOBUS_AUTH_URL,
      pasteRedirectUri: `${GLOBUS_AUTH_URL}/v2/web/auth-code`,
      startSignIn: refuse,
      finishSignIn: refuse,
      refresh: refuse,
      revoke: refuse,
    };
  }
}
