import type { PolicyVerdict } from '../policy/PolicyVerdict.js';
import type { LaunchStep } from './LaunchProgress.js';

/** A launch that stopped at a step, with a message for people. */
export class LaunchError extends Error {
  readonly step: LaunchStep;
  readonly hint: string | undefined;

  constructor(step: LaunchStep, message: string, hint?: string) {
    super(message);
    this.name = 'LaunchError';
    this.step = step;
    this.hint = hint;
  }
}

/** The policy refused the launch; the verdict explains every violated rule. */
export class LaunchDeniedError extends LaunchError {
  readonly verdict: PolicyVerdict;

  constructor(verdict: PolicyVerdict) {
    const reasons = verdict.violations.map((violation) => violation.message).join('; ');
    super('check-policy', `the policy denies this launch: ${reasons}`);
    this.name = 'LaunchDeniedError';
    this.verdict = verdict;
  }
}
