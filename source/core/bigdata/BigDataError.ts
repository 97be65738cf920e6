/**
 * A big-data request refused before any call: `input` (a bad argument: exit 2), `denied` (the
 * policy: exit 3) or `not-found` (no such application or run: exit 1). The message says why.
 */
export class BigDataError extends Error {
  readonly kind: 'input' | 'denied' | 'not-found';

  constructor(kind: BigDataError['kind'], message: string) {
    super(message);
    this.name = 'BigDataError';
    this.kind = kind;
  }
}
