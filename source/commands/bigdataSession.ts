import type { Session } from '../app/session/Session.js';
import type { BigDataContext } from '../core/bigdata/BigDataContext.js';
import { BigDataError } from '../core/bigdata/BigDataError.js';
import { CliError, EXIT } from './CliError.js';
import type { CommandContext } from './Command.js';

/** What the big-data operations need from a command's session. */
export function bigDataContextOf(session: Session): BigDataContext {
  return {
    bigdata: session.account.bigdata,
    network: session.account.network,
    policy: session.profile.policy,
    profile: session.profile.name,
    ...(session.info.research_user ? { research_user: session.info.research_user } : {}),
    ...(session.profile.project ? { project: session.profile.project } : {}),
    account_id: async () => (await session.callerIdentity()).account,
    now: () => new Date(),
  };
}

/** The regions a command looks in: the one --region names, else every region of the session. */
export function bigDataRegions(context: CommandContext, session: Session): string[] {
  return context.flags.region ? [context.flags.region] : session.info.regions;
}

/** A refusal as the CLI reports it: bad input exits 2, a policy denial 3, a missing thing 1. */
export function asCliError(error: unknown): unknown {
  if (!(error instanceof BigDataError)) return error;
  const code = error.kind === 'input' ? EXIT.usage : error.kind === 'denied' ? EXIT.denied : EXIT.error;
  return new CliError(error.message, code);
}
