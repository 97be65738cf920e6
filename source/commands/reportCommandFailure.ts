import { sanitizeCommandOutput } from '../core/text/sanitizeCommandOutput.js';
import { describeFailure } from './describeFailure.js';
import { logCommandFailure } from './logCommandFailure.js';

/** A command (or the app) that failed: the short message on stderr, the details in the log. */
export async function reportCommandFailure(command: string | undefined, error: unknown): Promise<void> {
  const failure = describeFailure(error);
  const logged = await logCommandFailure(process.env, command, error, failure.exitCode);
  process.stderr.write(sanitizeCommandOutput(`cws-tui: ${failure.text}\n${logged}`));
  process.exitCode = failure.exitCode;
}
