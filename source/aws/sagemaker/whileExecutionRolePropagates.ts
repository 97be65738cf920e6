import { CloudError } from '../../core/CloudError.js';
import { IAM_PROPAGATION_DELAYS_MS, whileIamPropagates } from '../whileIamPropagates.js';

/**
 * SageMaker's answer to an execution role it cannot assume yet: a ValidationException naming the role
 * (IAM is eventually consistent, so a role created moments ago reads as missing or untrusted).
 */
function isUnassumableRole(error: unknown): error is CloudError {
  return (
    error instanceof CloudError &&
    error.code === 'ValidationException' &&
    /execution role|assume|role arn/i.test(error.message)
  );
}

/**
 * Runs CreateDomain with a role the app may have just created, retrying on the same schedule as an
 * EC2 launch with a fresh instance profile; then says what to check.
 */
export function whileExecutionRolePropagates<T>(
  roleArn: string,
  call: () => Promise<T>,
  delaysMs: readonly number[] = IAM_PROPAGATION_DELAYS_MS,
): Promise<T> {
  return whileIamPropagates({
    call,
    delaysMs,
    isPropagationError: isUnassumableRole,
    giveUp: (error, waited) =>
      new CloudError({
        kind: 'invalid-parameter',
        code: error.code,
        message: `SageMaker cannot use the execution role ${roleArn} (still refused after ${waited} s): ${error.message}`,
        hint: 'If it was just created, IAM may still be propagating it: launch again in a minute. Otherwise check that it exists and trusts sagemaker.amazonaws.com.',
      }),
  });
}
