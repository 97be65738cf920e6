import { freshGlobusSession } from '../core/globus/freshGlobusSession.js';
import { GlobusAuthError } from '../core/globus/GlobusAuthError.js';
import { describeGlobusSession, type GlobusSession } from '../core/globus/GlobusSession.js';
import { GlobusSessionStore } from '../core/globus/GlobusSessionStore.js';
import type { GlobusAuthPort } from '../core/globus/ports.js';
import { formatUtc } from '../core/identity/invitationToken.js';
import { resolveAppPaths } from '../core/paths.js';
import { CliError, EXIT, usageError } from './CliError.js';
import type { CommandContext, CommandRun } from './Command.js';
import { type GlobusCommandIo, processGlobusIo } from './globus/GlobusCommandIo.js';
import { signInFromCommand } from './globus/signInFromCommand.js';
import { openCommandSession } from './openCommandSession.js';

const SUBCOMMANDS = 'login [--no-browser], whoami [--json] or logout';

/** The Globus of the account the command runs on: the demo account's is simulated. */
export async function globusForCommand(
  context: CommandContext,
): Promise<{ port: GlobusAuthPort; simulated: boolean }> {
  const session = await openCommandSession(context);
  return { port: session.account.globus, simulated: session.account.kind === 'demo' };
}

function describeIdentity(session: GlobusSession): string {
  const { identity, tokens } = session;
  const others = identity.identity_set.filter((one) => one.sub !== identity.sub).map((one) => one.username);
  return [
    `signed in to Globus as ${identity.username}${identity.name ? ` (${identity.name})` : ''}${session.simulated ? ' [simulated: demo account]' : ''}`,
    `  sub:               ${identity.sub}`,
    ...(identity.email ? [`  email:             ${identity.email}`] : []),
    ...(identity.organization ? [`  organization:      ${identity.organization}`] : []),
    ...(identity.identity_provider_display_name || identity.identity_provider
      ? [`  identity provider: ${identity.identity_provider_display_name ?? identity.identity_provider}`]
      : []),
    ...(others.length > 0 ? [`  linked identities: ${others.join(', ')}`] : []),
    `  tokens expire:     ${formatUtc(tokens.expires_at)}${tokens.refresh_token ? ' (renewed automatically)' : ''}`,
    `  auth service:      ${session.auth_url}`,
    '',
  ].join('\n');
}

async function runLogin(context: CommandContext, io: GlobusCommandIo): Promise<number> {
  const { port, simulated } = await globusForCommand(context);
  const session = await signInFromCommand(context, port, io, { simulated });
  context.stdout(
    context.flags.json
      ? `${JSON.stringify(describeGlobusSession(session), null, 2)}\n`
      : describeIdentity(session),
  );
  return EXIT.ok;
}

async function runWhoami(context: CommandContext): Promise<number> {
  const store = new GlobusSessionStore(resolveAppPaths(context.env).stateDir);
  const stored = await store.read();
  if (!stored) throw new CliError("not signed in to Globus: run 'cws-tui globus login'");
  const { port } = await globusForCommand(context);
  const session =
    stored.auth_url === port.authUrl ? await freshGlobusSession(store, port, new Date()) : stored;
  if (!session) throw new CliError("not signed in to Globus: run 'cws-tui globus login'");
  context.stdout(
    context.flags.json
      ? `${JSON.stringify(describeGlobusSession(session), null, 2)}\n`
      : describeIdentity(session),
  );
  return EXIT.ok;
}

async function runLogout(context: CommandContext): Promise<number> {
  const store = new GlobusSessionStore(resolveAppPaths(context.env).stateDir);
  const session = await store.read();
  if (!session) {
    context.stdout(
      context.flags.json
        ? `${JSON.stringify({ signed_out: false, username: null })}\n`
        : 'not signed in to Globus: nothing to sign out of\n',
    );
    return EXIT.ok;
  }
  const { port } = await globusForCommand(context);
  let problem: string | undefined;
  try {
    await port.revoke(session);
  } catch (error) {
    if (!(error instanceof GlobusAuthError)) throw error;
    problem = error.message;
  }
  // The tokens leave this machine either way: a sign-out must never keep them.
  await store.clear();
  if (problem) {
    throw new CliError(`removed the Globus tokens from this machine, but they were not revoked: ${problem}`);
  }
  context.stdout(
    context.flags.json
      ? `${JSON.stringify({ signed_out: true, username: session.identity.username })}\n`
      : `signed out of Globus: the tokens of ${session.identity.username} were revoked at ${session.auth_url}\n`,
  );
  return EXIT.ok;
}

/** `cws-tui globus login|whoami|logout`, with the terminal of `io` (tests give their own). */
export async function runGlobusCommandWith(context: CommandContext, io: GlobusCommandIo): Promise<number> {
  const [subcommand, ...extra] = context.args;
  try {
    if (extra.length > 0) throw usageError(`usage: cws-tui globus ${SUBCOMMANDS}`);
    switch (subcommand) {
      case 'login':
        return await runLogin(context, io);
      case 'whoami':
        return await runWhoami(context);
      case 'logout':
        return await runLogout(context);
      default:
        throw usageError(
          subcommand === undefined
            ? `globus needs a subcommand: ${SUBCOMMANDS}`
            : `unknown globus subcommand '${subcommand}': use ${SUBCOMMANDS}`,
        );
    }
  } catch (error) {
    if (error instanceof GlobusAuthError) throw new CliError(error.message);
    throw error;
  }
}

export const runGlobusCommand: CommandRun = (context) => runGlobusCommandWith(context, processGlobusIo);
