/** An invitation that cannot be created or accepted; the message says why, for the user. */
export class InvitationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvitationError';
  }
}
