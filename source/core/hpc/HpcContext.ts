import type { ResearchUser } from '../identity/ResearchUser.js';
import type { OperationsContext } from '../operations/OperationsContext.js';
import type { ResolvedTemplate } from '../templates/templateSchema.js';

/** What HPC operations need from a session: day-to-day operations plus the lab's users and templates. */
export interface HpcContext {
  ops: OperationsContext;
  /** The lab's research users (the team store's, with their UIDs). */
  researchUsers(): Promise<ResearchUser[]>;
  resolveTemplate(slug: string): Promise<ResolvedTemplate>;
}

/** A refusal or failure of an HPC operation, meant for the user as it stands. */
export class HpcError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    readonly exitCode: 1 | 2 | 3 = 1,
  ) {
    super(message);
    this.name = 'HpcError';
  }
}
