import { freshGlobusSession } from '../../core/globus/freshGlobusSession.js';
import { GlobusSessionStore } from '../../core/globus/GlobusSessionStore.js';
import { researchUserGlobusIdentity } from '../../core/globus/researchUserGlobusIdentity.js';
import { resolveAppPaths } from '../../core/paths.js';
import { CliError, EXIT } from '../CliError.js';
import type { CommandContext } from '../Command.js';
import { globusForCommand } from '../globusCommand.js';
import type { CommandTeam } from '../openTeamForCommand.js';
import { auditTeamEvent } from '../teamInvitations.js';

/**
 * `users link-globus <name>`: the Globus identity signed in on this machine, verified, becomes the
 * research user's (its sub and username, in the team store when the profile has one). A member
 * links only their own research user; the demo's simulated identity only on the demo account.
 */
export async function linkGlobusIdentity(
  context: CommandContext,
  team: CommandTeam,
  username: string,
): Promise<number> {
  const { env, flags, stdout } = context;
  const profile = team.profile;
  if (profile && profile.role !== 'admin' && profile.research_user !== username) {
    throw new CliError(
      `the profile '${profile.name}' may link a Globus identity only to its own research user (${profile.research_user ?? 'none'})`,
      EXIT.denied,
    );
  }
  const user = await team.users.get(username);
  if (!user) throw new CliError(`no research user named '${username}'`);
  const { port, simulated } = await globusForCommand(context);
  const store = new GlobusSessionStore(resolveAppPaths(env).stateDir);
  const stored = await store.read();
  if (!stored) throw new CliError("not signed in to Globus: run 'cws-tui globus login' first");
  if (stored.simulated && !simulated) {
    throw new CliError(
      "this machine's Globus sign-in is the demo account's simulated one: sign in to the real Globus with 'cws-tui globus login' first",
      EXIT.denied,
    );
  }
  const session = await freshGlobusSession(store, port, new Date());
  if (!session) throw new CliError("not signed in to Globus: run 'cws-tui globus login' first");
  const linked = await team.users.linkGlobus(username, researchUserGlobusIdentity(session, new Date()));
  await auditTeamEvent(
    context,
    team.team,
    {
      action: 'globus-linked',
      username,
      globus_username: session.identity.username,
      globus_sub: session.identity.sub,
    },
    profile?.research_user ?? profile?.name ?? env.USER ?? 'unknown',
  );
  if (flags.json) stdout(`${JSON.stringify(linked, null, 2)}\n`);
  else
    stdout(
      `linked the Globus identity ${session.identity.username} (${session.identity.sub}) to research user '${username}'${team.team ? ' in the team store' : ''}\n`,
    );
  return EXIT.ok;
}
