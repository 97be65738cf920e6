import type { Session } from '../app/session/Session.js';
import { EXIT } from '../commands/CliError.js';
import type { CommandRun } from '../commands/Command.js';
import type { CommandFlags } from '../commands/CommandFlags.js';
import { ApiError } from './ApiError.js';
import { deniedApiError, failureToApiError } from './failureToApiError.js';

export interface CommandCall {
  /** The command (the function `cws-tui <name>` runs) and its arguments, as on the command line. */
  command: CommandRun;
  args: string[];
  /** Flags beyond the server's own (`--demo`, `--profile`, `--region`); `--json` is always on. */
  flags?: Partial<CommandFlags>;
  /** Exit codes that still mean the printed JSON is the answer (`list` exits 4 when partial). */
  accept?: readonly number[];
  /** The command prints one JSON value a line (`athena query --output json`): answer with the array. */
  jsonLines?: boolean;
}

export interface CommandRunner {
  run(call: CommandCall): Promise<unknown>;
}

/**
 * Runs a CLI command exactly as `cws-tui <argv> --json` would, in the server's one session, and
 * answers with what it printed: a route never builds its own JSON, so the API and the CLI agree.
 */
export function commandRunner(options: {
  session: () => Session;
  flags: () => CommandFlags;
  env: NodeJS.ProcessEnv;
}): CommandRunner {
  return {
    async run({ command: run, args, flags = {}, accept = [EXIT.ok], jsonLines = false }) {
      let stdout = '';
      let stderr = '';
      let exitCode: number;
      try {
        exitCode = await run({
          args,
          flags: { ...options.flags(), ...given(flags), json: true },
          env: options.env,
          session: options.session(),
          stdout: (text) => {
            stdout += text;
          },
          stderr: (text) => {
            stderr += text;
          },
        });
      } catch (error) {
        throw failureToApiError(error);
      }
      const printed = jsonLines && exitCode === EXIT.ok ? parseLines(stdout) : parsePrinted(stdout);
      if (accept.includes(exitCode) && printed !== undefined) return printed;
      if (exitCode === EXIT.ok)
        throw new ApiError(500, 'internal', 'unexpected error: the command printed no JSON');
      if (exitCode === EXIT.denied) throw deniedApiError(printed);
      const message =
        stderr
          .trim()
          .split('\n')
          .at(-1)
          ?.replace(/^cws-tui: /, '') || 'the command failed';
      throw new ApiError(422, 'command_failed', message, undefined, printed);
    },
  };
}

/** The flags a route set; one it left undefined keeps the server's value (its --region, say). */
function given(flags: Partial<CommandFlags>): Partial<CommandFlags> {
  return Object.fromEntries(Object.entries(flags).filter(([, value]) => value !== undefined));
}

function parsePrinted(stdout: string): unknown {
  if (stdout.trim() === '') return undefined;
  try {
    return JSON.parse(stdout);
  } catch {
    return undefined;
  }
}

function parseLines(stdout: string): unknown[] | undefined {
  try {
    return stdout
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as unknown);
  } catch {
    return undefined;
  }
}
