import { setTimeout as sleep } from 'node:timers/promises';
import { CloudError } from '../core/CloudError.js';
import { INSTANCE_PROFILE_ENV } from './workstationInstanceProfile.js';

/**
 * Waits between attempts, 30 s in all: IAM is eventually consistent, and EC2 refuses an instance
 * profile created moments ago as if it did not exist, typically for some seconds.
 */
export const INSTANCE_PROFILE_RETRY_DELAYS_MS = [2_000, 4_000, 8_000, 16_000];

/** EC2's answer to an instance profile it does not know (yet): InvalidParameterValue naming it. */
function isUnknownInstanceProfile(error: unknown): error is CloudError {
  return (
    error instanceof CloudError &&
    error.code === 'InvalidParameterValue' &&
    /iamInstanceProfile\.(name|arn)|Invalid IAM Instance Profile/i.test(error.message)
  );
}

/**
 * Runs an EC2 call that names an instance profile, retrying it (with the same client token, so
 * never twice) while EC2 does not know the profile yet; then says what to check.
 */
export async function whileInstanceProfilePropagates<T>(
  instanceProfile: string | undefined,
  call: () => Promise<T>,
  delaysMs: readonly number[] = INSTANCE_PROFILE_RETRY_DELAYS_MS,
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (!instanceProfile || !isUnknownInstanceProfile(error)) throw error;
      const delay = delaysMs[attempt];
      if (delay === undefined) {
        const waited = Math.round(delaysMs.reduce((sum, ms) => sum + ms, 0) / 1000);
        throw new CloudError({
          kind: 'invalid-parameter',
          code: error.code,
          message: `EC2 does not accept the instance profile ${instanceProfile} (still refused after ${waited} s): ${error.message}`,
          hint: `If it was just created, IAM may still be propagating it: launch again in a minute. Otherwise check that it exists in IAM${
            instanceProfile.includes(':') ? '' : ' under exactly that name'
          }, or correct or unset ${INSTANCE_PROFILE_ENV}.`,
        });
      }
      await sleep(delay);
    }
  }
}
