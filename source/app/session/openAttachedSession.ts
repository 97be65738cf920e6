import { attachedSession, type ServeSessionJson } from './attachedSession.js';
import { openSession } from './openSession.js';
import type { ServeClient } from './ServeClient.js';
import type { Session } from './Session.js';

/**
 * Opens the TUI's session on the server's: on its profile (switching the server's, for every
 * attached terminal, when the user picks another one), with the listing and actions going to it.
 */
export async function openAttachedSession(options: {
  env: NodeJS.ProcessEnv;
  client: ServeClient;
  /** A profile picked in the TUI's switcher: the server's session moves to it. */
  switchTo?: string;
}): Promise<Session> {
  const { client, env } = options;
  const remote = options.switchTo
    ? await client.request<ServeSessionJson>('PUT', '/v1/session/profile', { profile: options.switchTo })
    : await client.request<ServeSessionJson>('GET', '/v1/session');
  const profiles = await client.request<Array<{ name: string }>>('GET', '/v1/profiles');
  // The server may run on no profile of the config (the demo, or the user's own AWS account).
  const named = profiles.some((profile) => profile.name === remote.profile);
  const local = await openSession({
    env,
    demo: remote.account_kind === 'demo',
    region: remote.region,
    ...(named ? { profile: remote.profile } : {}),
  });
  return attachedSession(local, client, remote);
}
