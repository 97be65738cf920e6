import type { CloudError } from '../core/CloudError.js';
import type { AwsCallContext } from './AwsCallContext.js';
import { cloudErrorOf as error } from './cloudErrorOf.js';
import { loginHint } from './loginHint.js';
import type { ErrorFacts } from './translateTransportError.js';

/** The credential chain's own failures: expired, a missing profile, nothing found, a failing source. */
export function translateCredentialProviderError(facts: ErrorFacts, context: AwsCallContext): CloudError {
  const { name, message } = facts;
  if (/expired|invalid_grant|refresh this sso session|token is expired/i.test(message)) {
    return error(
      'credentials-expired',
      name,
      `Your AWS session has expired${context.profile ? ` (profile ${context.profile})` : ''}.`,
      loginHint(context.profile),
    );
  }
  const missingProfile = /Profile (\S+) could not be found/i.exec(message);
  if (missingProfile) {
    return error(
      'no-credentials',
      name,
      `The AWS profile ${missingProfile[1]} is not in ~/.aws/config or ~/.aws/credentials.`,
      'Check the name with `aws configure list-profiles`, or choose another profile.',
    );
  }
  if (/could not load credentials from any providers/i.test(message) || message === '') {
    return error(
      'no-credentials',
      name,
      'No AWS credentials were found.',
      'Run `aws configure` or `aws configure sso`, set AWS_PROFILE, or use --demo to explore the simulated account.',
    );
  }
  // A source that exists but failed (credential_process, a role to assume, a web identity token).
  return error(
    'no-credentials',
    name,
    `AWS credentials could not be loaded${context.profile ? ` for profile ${context.profile}` : ''}: ${message}`,
    'Check the credential source the profile names in ~/.aws/config (credential_process, role_arn, source_profile).',
  );
}
