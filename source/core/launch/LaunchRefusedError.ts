import { LaunchError } from './LaunchError.js';

/**
 * A lab rule kept in the team store refused the launch (a running cap, a project's or a user's
 * budget): a denial like the policy's (exit 3), with the rule, the figures and the limit in words.
 */
export class LaunchRefusedError extends LaunchError {
  constructor(message: string, hint?: string) {
    super('check-policy', message, hint);
    this.name = 'LaunchRefusedError';
  }
}
