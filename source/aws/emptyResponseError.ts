import { CloudError } from '../core/CloudError.js';

const TRY_AGAIN = 'Try again; if it persists, check the AWS Health Dashboard.';

/** A reply that succeeded but lacks what it must hold (a description, a new id): said, never guessed. */
export function emptyResponseError(message: string, hint: string = TRY_AGAIN): CloudError {
  return new CloudError({ kind: 'unknown', code: 'EmptyResponse', message, hint });
}
