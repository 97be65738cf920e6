/**
 * A lab rule the store enforced against this request: the name is held, the cap is reached, the
 * invitation is used or revoked. The message says who holds what, for people.
 */
export class TeamConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TeamConflictError';
  }
}
