import { CloudError } from '../core/CloudError.js';
import { IAM_PROPAGATION_DELAYS_MS, whileIamPropagates } from './whileIamPropagates.js';
import { INSTANCE_PROFILE_ENV } from './workstationInstanceProfile.js';

/** The waits between attempts at a launch with a fresh instance profile (see whileIamPropagates). */
export const INSTANCE_PROFILE_RETRY_DELAYS_MS = IAM_PROPAGATION_DELAYS_MS;

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
  if (!instanceProfile) return call();
  return whileIamPropagates({
    call,
    delaysMs,
    isPropagationError: isUnknownInstanceProfile,
    giveUp: (error, waited) =>
      new CloudError({
        kind: 'invalid-parameter',
        code: error.code,
        message: `EC2 does not accept the instance profile ${instanceProfile} (still refused after ${waited} s): ${error.message}`,
        hint: `If it was just created, IAM may still be propagating it: launch again in a minute. Otherwise check that it exists in IAM${
          instanceProfile.includes(':') ? '' : ' under exactly that name'
        }, or correct or unset ${INSTANCE_PROFILE_ENV}.`,
      }),
  });
}
