import { createInterface } from 'node:readline/promises';
import type { Session } from '../../app/session/Session.js';
import { OperationError } from '../../core/operations/OperationError.js';
import type { OperationsContext } from '../../core/operations/OperationsContext.js';
import { CliError, EXIT, usageError } from '../CliError.js';
import type { CommandContext, CommandRun } from '../Command.js';
import { openCommandSession } from '../openCommandSession.js';

export interface OperationCommandContext extends CommandContext {
  session: Session;
  ops: OperationsContext;
}

/**
 * Opens the session and turns the core's refusals into the CLI's exit codes: refused 1, invalid
 * input 2, denied by the policy 3; each with its message and what to do.
 */
export function operationCommand(run: (context: OperationCommandContext) => Promise<number>): CommandRun {
  return async (context) => {
    try {
      const session = await openCommandSession(context);
      return await run({ ...context, session, ops: session.operationsContext() });
    } catch (error) {
      if (!(error instanceof OperationError)) throw error;
      const code = error.kind === 'denied' ? EXIT.denied : error.kind === 'invalid' ? EXIT.usage : EXIT.error;
      throw new CliError(`${error.message}${error.hint ? `\n  ${error.hint}` : ''}`, code);
    }
  };
}

/** A change asks first; `--yes` answers for scripts, and without a terminal it is required. */
export async function confirm(context: CommandContext, question: string): Promise<void> {
  if (context.flags.yes) return;
  if (!process.stdin.isTTY) throw usageError(`${question} Add --yes to confirm when not in a terminal.`);
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(`${question} [y/N] `);
    if (!/^y(es)?$/i.test(answer.trim())) throw new CliError('not confirmed: nothing was changed');
  } finally {
    prompt.close();
  }
}

export function printJson(context: CommandContext, value: unknown): void {
  context.stdout(`${JSON.stringify(value, null, 2)}\n`);
}
