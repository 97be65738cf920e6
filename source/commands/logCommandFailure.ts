import { appendLogEntry, errorLogLines } from '../core/log/appendLogEntry.js';
import { resolveAppPaths } from '../core/paths.js';
import { EXIT, type ExitCode } from './CliError.js';

/**
 * Writes a failed command to the log the TUI writes too, and returns the line that says where;
 * nothing for usage errors (the message is all there is). The arguments are not logged: an
 * invitation token is one. A log that cannot be written never hides the failure itself.
 */
export async function logCommandFailure(
  env: NodeJS.ProcessEnv,
  command: string | undefined,
  error: unknown,
  exitCode: ExitCode,
): Promise<string> {
  if (exitCode === EXIT.usage) return '';
  const { logFile } = resolveAppPaths(env);
  try {
    await appendLogEntry(logFile, `cws-tui ${command ?? ''} failed (exit ${exitCode})`, errorLogLines(error));
    return `  Details are in ${logFile}\n`;
  } catch {
    return '';
  }
}
