import type { Session } from '../app/session/Session.js';
import { sanitizeForTerminal } from '../core/text/sanitizeForTerminal.js';
import { EXIT, type ExitCode } from './CliError.js';
import type { CommandContext } from './Command.js';

/** The rows a listing could not read, marked unknown for the JSON output (never silently absent). */
export function unknownRows(session: Session): Array<Record<string, unknown>> {
  return (session.info.listing_failures ?? []).map((failure) => ({
    name: null,
    kind: failure.what,
    state: 'unknown',
    error: failure.reason,
  }));
}

/**
 * Says on stderr, once each, what could not be listed, and returns the exit code: 4 (partial)
 * when anything is missing, so that scripts notice; 0 otherwise.
 */
export function reportListingFailures(session: Session, context: CommandContext): ExitCode {
  const failures = session.info.listing_failures ?? [];
  for (const failure of failures) {
    context.stderr(
      `cws-tui: warning: ${failure.what} could not be listed, its rows are unknown: ${sanitizeForTerminal(failure.reason)}\n`,
    );
  }
  if (failures.length > 0 && !context.flags.json) {
    context.stdout(
      `${failures.map((failure) => `?  ${failure.what}: unknown (could not be listed)`).join('\n')}\n`,
    );
  }
  return failures.length > 0 ? EXIT.partial : EXIT.ok;
}
