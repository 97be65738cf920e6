/**
 * Why the team store refused or failed, in words for people: a condition that did not hold (the
 * caller explains it in its own terms), a store that cannot be reached, or a table the app must not
 * touch (another schema, a newer format).
 */
export type TeamStoreErrorKind = 'condition-failed' | 'unreachable' | 'refused' | 'invalid';

export class TeamStoreError extends Error {
  readonly kind: TeamStoreErrorKind;

  constructor(kind: TeamStoreErrorKind, message: string) {
    super(message);
    this.name = 'TeamStoreError';
    this.kind = kind;
  }
}

export function isConditionFailure(error: unknown): boolean {
  return error instanceof TeamStoreError && error.kind === 'condition-failed';
}
