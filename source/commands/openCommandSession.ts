import type { Session } from '../app/session/Session.js';
import type { CommandContext } from './Command.js';

/** The session a command works in: the profile, region and account its flags choose. */
export async function openCommandSession({
  env,
  flags,
  stderr,
  session: open,
}: CommandContext): Promise<Session> {
  if (open) return open;
  const { openSession } = await import('../app/session/openSession.js');
  const session = await openSession({ env, demo: flags.demo, region: flags.region, profile: flags.profile });
  for (const notice of session.info.notices) stderr(`cws-tui: ${notice}\n`);
  return session;
}
