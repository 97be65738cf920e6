/**
 * Exit codes every command shares: 0 ok, 1 error, 2 usage error, 3 denied by policy, 4 partial (a
 * listing printed what it could read, but some service could not be listed: see stderr).
 */
export const EXIT = { ok: 0, error: 1, usage: 2, denied: 3, partial: 4 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error whose message is meant for the user as it stands: the CLI prints it without a stack. */
export class CliError extends Error {
  readonly exitCode: ExitCode;

  constructor(message: string, exitCode: ExitCode = EXIT.error) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

export function usageError(message: string): CliError {
  return new CliError(message, EXIT.usage);
}
