/** A session could not be opened as asked (an unknown profile, no way to reach AWS). */
export class SessionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SessionError';
  }
}
