import { LifecycleDeniedError } from '../core/workstations/LifecycleDeniedError.js';
import { CliError, EXIT, type ExitCode } from './CliError.js';

/** JavaScript's own error types: they mean a bug, not a problem the user can fix. */
const PROGRAMMING_ERRORS = new Set(['TypeError', 'ReferenceError', 'RangeError', 'EvalError', 'URIError']);

export interface Failure {
  text: string;
  exitCode: ExitCode;
}

/**
 * The line(s) a failed command prints. The app's own errors (CLI, cloud, launch, config, template,
 * policy...) carry messages written for people, plus a hint where there is something to do; only
 * a bug is called unexpected. Never a stack trace.
 */
export function describeFailure(error: unknown): Failure {
  if (error instanceof CliError) return { text: error.message, exitCode: error.exitCode };
  if (error instanceof LifecycleDeniedError)
    return { text: `${error.message}\n  ${error.hint}`, exitCode: EXIT.denied };
  if (error instanceof Error && !PROGRAMMING_ERRORS.has(error.name)) {
    const hint = 'hint' in error && typeof error.hint === 'string' && error.hint ? `\n  ${error.hint}` : '';
    return { text: `${error.message}${hint}`, exitCode: EXIT.error };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { text: `unexpected error: ${message}`, exitCode: EXIT.error };
}
