import { GlobusAuthError } from '../../core/globus/GlobusAuthError.js';

export const GLOBUS_AUTH_URL = 'https://auth.globus.org';

export interface GlobusAuthSettings {
  /** `CWS_GLOBUS_AUTH_URL`: Globus, an institution's proxy, or a test server. */
  authUrl: string;
  /** `CWS_GLOBUS_CLIENT_ID`: the native app registered once at app.globus.org. */
  clientId?: string;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The settings from the environment; an auth URL that is not https (but for loopback) is refused. */
export function globusAuthSettings(env: NodeJS.ProcessEnv): GlobusAuthSettings {
  const given = env.CWS_GLOBUS_AUTH_URL?.trim() || GLOBUS_AUTH_URL;
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new GlobusAuthError(`CWS_GLOBUS_AUTH_URL is not a URL: '${given}'`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) {
    throw new GlobusAuthError(
      `CWS_GLOBUS_AUTH_URL must be https (plain http only on this machine's loopback): '${given}'`,
    );
  }
  const clientId = env.CWS_GLOBUS_CLIENT_ID?.trim();
  return { authUrl: url.href.replace(/\/$/, ''), ...(clientId ? { clientId } : {}) };
}

export function isLoopback(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname);
}
