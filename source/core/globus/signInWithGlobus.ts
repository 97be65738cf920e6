import { acceptGlobusReply, type GlobusReply } from './GlobusFlow.js';
import type { GlobusSession } from './GlobusSession.js';
import type { GlobusSessionStore } from './GlobusSessionStore.js';
import type { GlobusAuthPort, GlobusSignInStart } from './ports.js';

/**
 * How the reply comes back: a loopback request to this machine, or the code the person pastes from
 * Globus's page. Either shows the link, waits (with a timeout) and gives back the reply.
 */
export interface GlobusReplyChannel {
  redirectUri: string;
  waitForReply(start: GlobusSignInStart): Promise<GlobusReply>;
  /** Frees what the channel holds (the loopback port), whatever happened. */
  close(): Promise<void>;
}

/**
 * One sign-in: start it, wait for the reply, check it against the flow, exchange and verify, and only
 * then store the session, so that a failure anywhere leaves the stored session as it was.
 */
export async function signInWithGlobus(
  port: GlobusAuthPort,
  store: GlobusSessionStore,
  channel: GlobusReplyChannel,
  now: () => Date = () => new Date(),
): Promise<GlobusSession> {
  try {
    const start = await port.startSignIn(channel.redirectUri, now());
    const reply = await channel.waitForReply(start);
    const code = acceptGlobusReply(start.flow, reply, now());
    const session = await port.finishSignIn(start.flow, code, now(), reply.iss);
    await store.write(session);
    return session;
  } finally {
    await channel.close();
  }
}
