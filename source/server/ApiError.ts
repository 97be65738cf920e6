import { z } from 'zod';

/** `{error: {code, message, hint}}`: every failure of the service API, never a stack trace. */
export const apiErrorJsonSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      hint: z.string().nullable(),
      /** The command's own `--json` answer when it has one (a denied launch's violations). */
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });

export type ApiErrorJson = z.infer<typeof apiErrorJsonSchema>;

/** A failure with its HTTP status and the CLI's message (and hint, where there is something to do). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly hint: string | undefined;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, hint?: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.hint = hint;
    this.details = details;
  }

  toJson(): ApiErrorJson {
    return {
      error: {
        code: this.code,
        message: this.message,
        hint: this.hint ?? null,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}
