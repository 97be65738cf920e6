import { CliError, EXIT } from '../commands/CliError.js';
import { describeFailure } from '../commands/describeFailure.js';
import { CloudError } from '../core/CloudError.js';
import { ApiError } from './ApiError.js';

/** The CLI's "no X named Y" messages: the thing asked for does not exist. */
const NOT_FOUND = /^no (workstation|template|profile|research user|user|invitation|file system|project)\b/;

function split(text: string): { message: string; hint: string | undefined } {
  const [message = '', ...rest] = text.split('\n');
  const hint = rest
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
  return { message, hint: hint === '' ? undefined : hint };
}

/**
 * A command's failure as the API answers it, with the CLI's message: exit 2 (usage) is 400, exit 3
 * (denied) is 403, a missing thing 404, a cloud failure 502, a bug 500 (its message only).
 */
export function failureToApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const failure = describeFailure(error);
  const { message, hint } = split(failure.text);
  if (failure.exitCode === EXIT.usage) return new ApiError(400, 'usage_error', message, hint);
  if (failure.exitCode === EXIT.denied) return new ApiError(403, 'policy_denied', message, hint);
  if (NOT_FOUND.test(message)) return new ApiError(404, 'not_found', message, hint);
  if (error instanceof CliError) return new ApiError(422, 'command_failed', message, hint);
  if (error instanceof CloudError) return new ApiError(502, `cloud_${error.kind}`, message, hint);
  if (message.startsWith('unexpected error')) return new ApiError(500, 'internal', message, hint);
  return new ApiError(422, 'command_failed', message, hint);
}

interface Denial {
  violations?: Array<{ message: string }>;
  suggestions?: Array<{ message: string }>;
  refused?: string;
}

/**
 * A command that exited 3 after printing its `--json` verdict (a denied launch, a failed policy
 * test): 403 with the CLI's sentence, the suggestions as the hint and the verdict as the details.
 */
export function deniedApiError(details: unknown): ApiError {
  const denial = (typeof details === 'object' && details !== null ? details : {}) as Denial;
  const message = denial.refused
    ? `The lab denies this launch: ${denial.refused}`
    : `The policy denies this: ${(denial.violations ?? []).map((violation) => violation.message).join('; ') || 'see the details'}`;
  const hint = (denial.suggestions ?? []).map((suggestion) => `suggestion: ${suggestion.message}`).join(' ');
  return new ApiError(403, 'policy_denied', message, hint === '' ? undefined : hint, details);
}
