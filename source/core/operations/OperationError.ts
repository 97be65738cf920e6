/**
 * An operation the app refuses, with why and what to do: `refused` (the workstation or resource is
 * not in a state that allows it), `denied` (the policy says no), `invalid` (the request itself is
 * wrong, like an unknown time zone).
 */
export class OperationError extends Error {
  readonly kind: 'refused' | 'denied' | 'invalid';
  readonly hint: string;

  constructor(kind: OperationError['kind'], message: string, hint = '') {
    super(message);
    this.name = 'OperationError';
    this.kind = kind;
    this.hint = hint;
  }
}
