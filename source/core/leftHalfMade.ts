import { CloudError } from './CloudError.js';

/**
 * A failure after some resources were made: the same error, plus what exists now and how the next
 * run finishes it, so that nothing is left half-made without the user being told which.
 */
export function leftHalfMade(error: unknown, state: string, finish: string): unknown {
  if (!(error instanceof CloudError)) return error;
  return new CloudError({
    kind: error.kind,
    code: error.code,
    message: `${error.message} ${state}`,
    hint: `${error.hint} ${finish}`,
    retryable: error.retryable,
  });
}
