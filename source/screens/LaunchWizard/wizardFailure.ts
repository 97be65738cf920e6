import { describeError } from '../../app/describeError.js';
import { LaunchDeniedError, LaunchError } from '../../core/launch/LaunchError.js';
import { LAUNCH_STEP_LABELS } from '../../core/launch/LaunchProgress.js';
import type { WizardFailure } from './LaunchWizardState.js';

/** A failed launch as the wizard explains it: the step, the message, the hint, the policy's verdict. */
export function wizardFailure(error: unknown): WizardFailure {
  if (error instanceof LaunchDeniedError) {
    return {
      message: 'the policy denies this launch',
      step: LAUNCH_STEP_LABELS[error.step],
      verdict: error.verdict,
    };
  }
  if (error instanceof LaunchError) {
    return {
      message: error.message,
      step: LAUNCH_STEP_LABELS[error.step],
      ...(error.hint ? { hint: error.hint } : {}),
    };
  }
  const { message, hint } = describeError(error);
  return hint ? { message, hint } : { message };
}
