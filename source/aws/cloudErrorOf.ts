import { CloudError, type CloudErrorKind } from '../core/CloudError.js';

/** A CloudError from its parts, as the translators make them. */
export function cloudErrorOf(
  kind: CloudErrorKind,
  code: string,
  message: string,
  hint: string,
  retryable = false,
): CloudError {
  return new CloudError({ kind, code, message, hint, retryable });
}
