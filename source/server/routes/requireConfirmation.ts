import { z } from 'zod';
import { ApiError } from '../ApiError.js';

/** `?confirm=<name>`: the API's form of the CLI's "type its name to confirm" (and its `--yes`). */
export const confirmQuery = z.strictObject({ confirm: z.string().optional() });

/** Refuses a destructive request whose `?confirm=` does not name what it destroys. */
export function requireConfirmation(given: string | undefined, expected: string, consequence: string): void {
  if (given === expected) return;
  throw new ApiError(
    400,
    'confirmation_required',
    `${consequence}: add ?confirm=${expected} to confirm`,
    given === undefined ? undefined : `?confirm=${given} does not name it`,
  );
}
