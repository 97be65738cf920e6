import { CloudError } from '../core/CloudError.js';

/** The role and the instance profile carrying it share this name. */
export const WORKSTATION_ROLE_NAME = 'cws-tui-workstation';
export const WORKSTATION_ROLE_PATH = '/cws-tui/';
/** An admin's own instance profile (name or ARN), used as is instead of the app's. */
export const INSTANCE_PROFILE_ENV = 'CWS_INSTANCE_PROFILE';

/** IAM's rules for an instance profile name, and the shape of an instance profile ARN. */
const PROFILE_NAME = /^[\w+=,.@-]{1,128}$/;
const PROFILE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:instance-profile\/([\w+=,.@/-]+\/)?[\w+=,.@-]{1,128}$/;

/**
 * The instance profile an admin configured, checked before it reaches RunInstances (where a typo
 * would read as an IAM propagation delay). Undefined when none is configured.
 */
export function configuredInstanceProfile(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (PROFILE_NAME.test(trimmed) || PROFILE_ARN.test(trimmed)) return trimmed;
  throw new CloudError({
    kind: 'invalid-parameter',
    code: 'InvalidInstanceProfileSetting',
    message: `${INSTANCE_PROFILE_ENV}=${JSON.stringify(trimmed)} is neither an instance profile name nor an instance profile ARN.`,
    hint: `Set it to a name such as ${WORKSTATION_ROLE_NAME} (letters, digits and +=,.@_-, at most 128) or an ARN such as arn:aws:iam::123456789012:instance-profile/${WORKSTATION_ROLE_NAME}, or unset it to let the app create its own.`,
  });
}
