/** How a message reads: the outcome of an action, an error, or a notice. */
export type FlashKind = 'info' | 'success' | 'error';

/** How many messages the log keeps: the oldest go first. */
export const MESSAGE_LOG_LIMIT = 500;

/** One notice, warning, error or alert, as the `:events` page lists it. */
export interface LoggedMessage {
  id: number;
  /** When it was shown (ms since the epoch). */
  at: number;
  kind: FlashKind | 'alert';
  text: string;
  hint?: string;
  /** Where it came from: the page it was shown on, or `refresh`, `session`, `budget`. */
  source: string;
}

/** The log with one more message, the oldest dropped past the limit. */
export function appendMessage(
  log: readonly LoggedMessage[],
  message: LoggedMessage,
  limit = MESSAGE_LOG_LIMIT,
): readonly LoggedMessage[] {
  const next = [...log, message];
  return next.length > limit ? next.slice(next.length - limit) : next;
}
