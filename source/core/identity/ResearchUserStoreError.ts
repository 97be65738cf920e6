/** A research user operation that cannot be done as asked; the message is for the user. */
export class ResearchUserStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ResearchUserStoreError';
  }
}
