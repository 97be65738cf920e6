/**
 * A research user operation that cannot be done as asked; the message is for the user. `reason`
 * tells a command which exit code fits: bad input (usage), or a right the caller lacks (denied).
 */
export class ResearchUserStoreError extends Error {
  readonly reason: 'invalid' | 'denied' | 'conflict';

  constructor(message: string, reason: 'invalid' | 'denied' | 'conflict' = 'conflict') {
    super(message);
    this.name = 'ResearchUserStoreError';
    this.reason = reason;
  }
}
