import type { Workstation } from './Workstation.js';

/** A start, stop, hibernate or terminate of another research user's workstation by a non-admin. */
export class LifecycleDeniedError extends Error {
  readonly hint: string;

  constructor(message: string, hint: string) {
    super(message);
    this.name = 'LifecycleDeniedError';
    this.hint = hint;
  }
}

/**
 * Members act on their own workstations only; an admin profile may act on any. A workstation with
 * no research user tag (launched outside the app) is treated as someone else's: fail closed.
 */
export function lifecycleDenial(
  workstation: Workstation,
  action: string,
  actor: { research_user: string; role: 'admin' | 'member' },
): LifecycleDeniedError | undefined {
  if (actor.role === 'admin' || workstation.research_user === actor.research_user) return undefined;
  const owner = workstation.research_user
    ? `the research user ${workstation.research_user}`
    : 'no research user';
  return new LifecycleDeniedError(
    `${workstation.name} belongs to ${owner}, not ${actor.research_user}: only an admin profile may ${action} it`,
    `Ask ${workstation.research_user ?? 'an admin'} to ${action} it, or use a profile with the admin role.`,
  );
}
