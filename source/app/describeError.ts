import { CloudError } from '../core/CloudError.js';

/** An error as the user should read it: the message and, for cloud errors, what to do about it. */
export function describeError(error: unknown): { message: string; hint?: string } {
  if (error instanceof CloudError) return { message: error.message, hint: error.hint };
  if (error instanceof Error) return { message: error.message };
  return { message: String(error) };
}
