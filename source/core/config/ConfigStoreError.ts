/** A profile operation that cannot be done as asked; the message is for the user. */
export class ConfigStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigStoreError';
  }
}
