import { setTimeout as sleep } from 'node:timers/promises';
import { CloudError } from '../../core/CloudError.js';
import { INSTANCE_PROFILE_RETRY_DELAYS_MS } from '../whileInstanceProfilePropagates.js';

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
export async function whileExecutionRolePropagates<T>(
  roleArn: string,
  call: () => Promise<T>,
  delaysMs: readonly number[] = INSTANCE_PROFILE_RETRY_DELAYS_MS,
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (!isUnassumableRole(error)) throw error;
      const delay = delaysMs[attempt];
      if (delay === undefined) {
        const waited = Math.round(delaysMs.reduce((sum, ms) => sum + ms, 0) / 1000);
        throw new CloudError({
          kind: 'invalid-parameter',
          code: error.code,
          message: `SageMaker cannot use the execution role ${roleArn} (still refused after ${waited} s): ${error.message}`,
          hint: 'If it was just created, IAM may still be propagating it: launch again in a minute. Otherwise check that it exists and trusts sagemaker.amazonaws.com.',
        });
      }
      await sleep(delay);
    }
  }
}
